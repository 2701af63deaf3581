package dev.earshot.auth;

import dev.earshot.spotify.AccessTokens;
import dev.earshot.spotify.SpotifyException;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One request's view of a signed-in visitor: hands out access tokens, refreshing when needed, and
 * remembers the newest session so the response can re-seal the cookie (rotated tokens included).
 */
public final class SignedInSession implements AccessTokens {

    private final Session original;
    private final AtomicReference<Session> latest;
    private final TokenRefresher refresher;
    private final Clock clock;

    SignedInSession(Session session, TokenRefresher refresher, Clock clock) {
        this.original = session;
        this.latest = new AtomicReference<>(session);
        this.refresher = refresher;
        this.clock = clock;
    }

    public Session session() {
        return latest.get();
    }

    /** True when tokens changed during this request, so the cookie must be written again. */
    public boolean changed() {
        return latest.get() != original;
    }

    @Override
    public CompletionStage<String> current() {
        Session session = latest.get();
        if (!session.needsRefresh(clock.instant())) {
            return CompletableFuture.completedFuture(session.accessToken());
        }
        return refresh(session, null).exceptionallyCompose(failure -> stillUsable(session, failure));
    }

    @Override
    public CompletionStage<String> replacing(String rejected) {
        Session session = latest.get();
        if (!session.accessToken().equals(rejected)) {
            // Another call of this request has refreshed already.
            return CompletableFuture.completedFuture(session.accessToken());
        }
        return refresh(session, rejected);
    }

    private CompletionStage<String> refresh(Session session, String rejected) {
        return refresher
                .refresh(TokenRefresher.Account.SESSION, session.refreshToken(), rejected)
                .thenApply(grant -> adopt(session.withTokens(grant)));
    }

    private String adopt(Session refreshed) {
        latest.set(refreshed);
        return refreshed.accessToken();
    }

    /** A refresh that failed for a passing reason need not stop a token that has not yet expired. */
    private CompletionStage<String> stillUsable(Session session, Throwable failure) {
        Throwable cause = SpotifyException.unwrap(failure);
        boolean transientFailure =
                cause instanceof SpotifyException.Unavailable || cause instanceof SpotifyException.RateLimited;
        if (transientFailure && !session.accessTokenExpired(clock.instant())) {
            return CompletableFuture.completedFuture(session.accessToken());
        }
        return CompletableFuture.failedFuture(cause);
    }
}
