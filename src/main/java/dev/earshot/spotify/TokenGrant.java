package dev.earshot.spotify;

import java.time.Instant;

/**
 * A validated token answer. {@code refreshToken} is null when Spotify did not rotate it on refresh:
 * then the old one stays in use.
 */
public record TokenGrant(String accessToken, Instant expiresAt, String refreshToken) {

    @Override
    public String toString() {
        return "TokenGrant[expiresAt=" + expiresAt + ", rotated=" + (refreshToken != null) + "]";
    }
}
