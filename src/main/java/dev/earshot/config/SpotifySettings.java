package dev.earshot.config;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.earshot.demo.DemoMode;
import dev.earshot.demo.DemoSandbox;
import dev.earshot.spotify.RedirectUriRules;
import dev.earshot.spotify.SpotifyEndpoints;

/**
 * The Spotify this app talks to: the real one from {@link SpotifyConfig}, or in demo mode the
 * built-in sandbox at the app's own address, with the sandbox's client and a matching redirect URI.
 */
@ApplicationScoped
public class SpotifySettings implements SpotifyEndpoints {

    /** Where Spotify sends the browser back; fixed, so the registered URI is predictable. */
    public static final String CALLBACK_PATH = "/api/callback";

    private final SpotifyConfig config;
    private final DemoMode demo;

    SpotifySettings(SpotifyConfig config, DemoMode demo) {
        this.config = config;
        this.demo = demo;
    }

    public boolean demo() {
        return demo.enabled();
    }

    @Override
    public URI accountsUrl() {
        return URI.create(demo.enabled() ? demo.origin() + DemoSandbox.ACCOUNTS_PATH : trimmed(config.accountsUrl()));
    }

    @Override
    public URI apiUrl() {
        return URI.create(demo.enabled() ? demo.origin() + DemoSandbox.API_PATH : trimmed(config.apiUrl()));
    }

    /** The authorize page the browser is sent to. */
    public String authorizeUrl() {
        return accountsUrl() + "/authorize";
    }

    @Override
    public String clientId() {
        return demo.enabled() ? DemoSandbox.CLIENT_ID : config.clientId().orElse("");
    }

    @Override
    public String clientSecret() {
        return demo.enabled() ? DemoSandbox.CLIENT_SECRET : config.clientSecret().orElse("");
    }

    /** Byte-identical in the authorize and token requests (S04); never taken from a request's headers. */
    public String redirectUri() {
        return demo.enabled() ? demo.origin() + CALLBACK_PATH : config.redirectUri();
    }

    /**
     * Why sign-in cannot work with the configured redirect URI — one Spotify refuses, or one that does
     * not lead back to {@value #CALLBACK_PATH} — in words a deployer acts on; empty when it can.
     */
    public Optional<String> redirectUriProblem() {
        return redirectUriProblem(redirectUri());
    }

    static Optional<String> redirectUriProblem(String uri) {
        Optional<RedirectUriRules.Refusal> refusal = RedirectUriRules.refusal(uri);
        if (refusal.isPresent()) {
            return Optional.of(switch (refusal.get()) {
                case INSECURE -> uri.toLowerCase(Locale.ROOT).startsWith("http://localhost")
                        ? "SPOTIFY_REDIRECT_URI is " + uri + ", but Spotify refuses http://localhost since 2025: use "
                                + uri.replaceFirst("(?i)localhost", "127.0.0.1") + " and register that in your Spotify app"
                        : "SPOTIFY_REDIRECT_URI is " + uri + ", but Spotify accepts plain http only for 127.0.0.1 or [::1]: "
                                + "use the https address people reach Earshot at";
                case INVALID -> "SPOTIFY_REDIRECT_URI is " + uri + ", which Spotify refuses: it must be an absolute https URL "
                        + "without user name or #fragment";
            });
        }
        if (!URI.create(uri).getPath().endsWith(CALLBACK_PATH)) {
            return Optional.of("SPOTIFY_REDIRECT_URI is " + uri + ", but Spotify's answer must come back to "
                    + CALLBACK_PATH + " (for example https://earshot.example.com" + CALLBACK_PATH + ")");
        }
        return Optional.empty();
    }

    @Override
    public Duration connectTimeout() {
        return config.connectTimeout();
    }

    @Override
    public Duration readTimeout() {
        return config.readTimeout();
    }

    private static String trimmed(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
