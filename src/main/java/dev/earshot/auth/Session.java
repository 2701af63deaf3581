package dev.earshot.auth;

import dev.earshot.spotify.TokenGrant;
import dev.earshot.web.UrlSafeRandom;
import java.time.Duration;
import java.time.Instant;

/**
 * A signed-in visitor, exactly what the sealed session cookie carries: Spotify's tokens, when the
 * access token expires, when the person signed in (for the absolute lifetime, S13), who they are, and the
 * random id sign-out records as ended (S26).
 */
public record Session(
        String accessToken,
        String refreshToken,
        Instant accessExpiresAt,
        Instant signedInAt,
        String userId,
        String displayName,
        String avatarUrl,
        String sessionId) {

    /** 128 random bits: a session id nobody can guess, so nobody can end another's session either. */
    static final int SESSION_ID_BYTES = 16;

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
        return new Session(
                grant.accessToken(), refresh, grant.expiresAt(), signedInAt, userId, displayName, avatarUrl, sessionId);
    }

    /** A new session id, for a sign-in that just completed. */
    public static String newId() {
        return UrlSafeRandom.ofBytes(SESSION_ID_BYTES);
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
