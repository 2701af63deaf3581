package dev.earshot.config;

import dev.earshot.spotify.RedirectUriRules;
import dev.earshot.spotify.SpotifyEndpoints;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The Spotify this app talks to, as {@link SpotifyConfig} says: the real one, or (in demo mode, by
 * configuration alone) the built-in sandbox, whose addresses are paths on this app's {@link OwnOrigin}.
 */
@ApplicationScoped
public class SpotifySettings implements SpotifyEndpoints {

    /** Where Spotify sends the browser back; fixed, so the registered URI is predictable. */
    public static final String CALLBACK_PATH = "/api/callback";

    private final SpotifyConfig config;
    private final ModeConfig mode;
    private final OwnOrigin ownOrigin;

    SpotifySettings(SpotifyConfig config, ModeConfig mode, OwnOrigin ownOrigin) {
        this.config = config;
        this.mode = mode;
        this.ownOrigin = ownOrigin;
    }

    /** Demo mode: the sandbox's sample data, whose cover art is served by this app. */
    public boolean demo() {
        return mode.demo();
    }

    @Override
    public URI accountsUrl() {
        return URI.create(ownOrigin.resolve(trimmed(config.accountsUrl())));
    }

    @Override
    public URI apiUrl() {
        return URI.create(ownOrigin.resolve(trimmed(config.apiUrl())));
    }

    /** The authorize page the browser is sent to. */
    public String authorizeUrl() {
        return accountsUrl() + "/authorize";
    }

    @Override
    public String clientId() {
        return config.clientId().orElse("");
    }

    @Override
    public String clientSecret() {
        return config.clientSecret().orElse("");
    }

    /** Byte-identical in the authorize and token requests (S04); never taken from a request's headers. */
    public String redirectUri() {
        return ownOrigin.resolve(config.redirectUri());
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
            return Optional.of(
                    switch (refusal.get()) {
                        case INSECURE ->
                            uri.toLowerCase(Locale.ROOT).startsWith("http://localhost")
                                    ? "SPOTIFY_REDIRECT_URI is " + uri
                                            + ", but Spotify refuses http://localhost since 2025: use "
                                            + uri.replaceFirst("(?i)localhost", "127.0.0.1")
                                            + " and register that in your Spotify app"
                                    : "SPOTIFY_REDIRECT_URI is " + uri
                                            + ", but Spotify accepts plain http only for 127.0.0.1 or [::1]: "
                                            + "use the https address people reach Earshot at";
                        case INVALID ->
                            "SPOTIFY_REDIRECT_URI is " + uri
                                    + ", which Spotify refuses: it must be an absolute https URL "
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
