package dev.earshot.config;

import java.net.URI;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import dev.earshot.demo.DemoMode;
import dev.earshot.demo.DemoSandbox;
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
