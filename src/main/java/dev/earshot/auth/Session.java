package dev.earshot.auth;

import dev.earshot.spotify.TokenGrant;
import java.time.Duration;
import java.time.Instant;

/**
 * A signed-in visitor, exactly what the sealed session cookie carries: Spotify's tokens, when the
 * access token expires, when the person signed in (for the absolute lifetime, S13) and who they are.
 */
public record Session(
        String accessToken,
        String refreshToken,
        Instant accessExpiresAt,
        Instant signedInAt,
        String userId,
        String displayName,
        String avatarUrl) {

    /** Refresh when the access token has less than this left. */
    static final Duration REFRESH_MARGIN = Duration.ofSeconds(60);

    public boolean needsRefresh(Instant now) {
        return !accessExpiresAt.isAfter(now.plus(REFRESH_MARGIN));
    }

    public boolean accessTokenExpired(Instant now) {
        return !accessExpiresAt.isAfter(now);
    }

    /** The session after a refresh; a refresh token Spotify did not rotate stays as it was. */
    public Session withTokens(TokenGrant grant) {
        String refresh = grant.refreshToken() != null ? grant.refreshToken() : refreshToken;
        return new Session(grant.accessToken(), refresh, grant.expiresAt(), signedInAt, userId, displayName, avatarUrl);
    }

    /** The name to greet with: Spotify's display name is optional. */
    public String name() {
        return displayName == null || displayName.isBlank() ? userId : displayName;
    }

    @Override
    public String toString() {
        return "Session[user=" + userId + ", accessExpiresAt=" + accessExpiresAt + ", signedInAt=" + signedInAt + "]";
    }
}
