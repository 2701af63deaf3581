package dev.earshot.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The Spotify app's registration and Spotify's addresses: {@code SPOTIFY_*} environment variables. */
@ConfigMapping(prefix = "spotify")
public interface SpotifyConfig {

    /** {@code SPOTIFY_CLIENT_ID}. */
    Optional<String> clientId();

    /** {@code SPOTIFY_CLIENT_SECRET}. */
    Optional<String> clientSecret();

    /** {@code SPOTIFY_REFRESH_TOKEN}: the owner's account for the public widget (owner mode). */
    Optional<String> refreshToken();

    /** {@code SPOTIFY_ACCESS_TOKEN}: a temporary owner token for debugging; it dies within the hour. */
    Optional<String> accessToken();

    /** {@code SPOTIFY_REDIRECT_URI}: registered byte for byte in the Spotify app; never derived from a request (S04). */
    @WithDefault("http://127.0.0.1:8080/api/callback")
    String redirectUri();

    /** {@code SPOTIFY_ACCOUNTS_URL}. */
    @WithDefault("https://accounts.spotify.com")
    String accountsUrl();

    /** {@code SPOTIFY_API_URL}. */
    @WithDefault("https://api.spotify.com")
    String apiUrl();

    /** {@code SPOTIFY_CONNECT_TIMEOUT}: R01. */
    @WithDefault("3s")
    Duration connectTimeout();

    /** {@code SPOTIFY_READ_TIMEOUT}: R01. */
    @WithDefault("5s")
    Duration readTimeout();
}
