package dev.earshot.spotify;

import java.net.URI;
import java.time.Duration;

/**
 * Where Spotify lives and how this app identifies itself to it; the app decides (real Spotify, the
 * demo sandbox or a test double), this package only uses it.
 */
public interface SpotifyEndpoints {

    /** Base of the accounts service, e.g. {@code https://accounts.spotify.com}. */
    URI accountsUrl();

    /** Base of the Web API, e.g. {@code https://api.spotify.com}. */
    URI apiUrl();

    String clientId();

    String clientSecret();

    Duration connectTimeout();

    Duration readTimeout();
}
