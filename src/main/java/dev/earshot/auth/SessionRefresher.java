package dev.earshot.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.earshot.spotify.SpotifyAccounts;
import dev.earshot.spotify.SpotifyException;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Refreshes sessions' access tokens, at most one refresh in flight per refresh token (R05). The result
 * is kept for a short while, so a request that still carries the pre-refresh cookie (a parallel tab,
 * a request racing the one that refreshed) gets the same new tokens instead of spending a refresh
 * token that Spotify may already have rotated away.
 */
@ApplicationScoped
public class SessionRefresher {

    static final Duration REMEMBER_RESULT = Duration.ofMinutes(2);

    private final SpotifyAccounts accounts;
    private final AsyncCache<String, Session> refreshed = Caffeine.newBuilder()
            .expireAfterWrite(REMEMBER_RESULT)
            .maximumSize(10_000)
            .buildAsync();

    private final MeterRegistry metrics;

    SessionRefresher(SpotifyAccounts accounts, MeterRegistry metrics) {
        this.accounts = accounts;
        this.metrics = metrics;
    }

    /**
     * The session with a fresh access token. When {@code rejectedAccessToken} is given (Spotify answered
     * 401 for it) a remembered result carrying that very token is not good enough: refresh anew.
     */
    public CompletionStage<Session> refresh(Session session, String rejectedAccessToken) {
        String key = fingerprint(session.refreshToken());
        CompletableFuture<Session> inFlight = refreshed.get(key, (k, executor) -> load(session));
        if (rejectedAccessToken == null) {
            return inFlight;
        }
        return inFlight.thenCompose(result -> {
            if (!result.accessToken().equals(rejectedAccessToken)) {
                return CompletableFuture.completedFuture(result);
            }
            refreshed.asMap().remove(key, inFlight);
            return refreshed.get(key, (k, executor) -> load(session));
        });
    }

    private CompletableFuture<Session> load(Session session) {
        return accounts.refresh(session.refreshToken()).thenApply(session::withTokens)
                .whenComplete((refreshedSession, failure) -> countRefresh(failure))
                .toCompletableFuture();
    }

    /** One count per refresh sent to Spotify (collapsed duplicates are not counted), by outcome. */
    private void countRefresh(Throwable failure) {
        String outcome = failure == null ? "success"
                : SpotifyException.unwrap(failure) instanceof SpotifyException.GrantRejected ? "rejected" : "failed";
        metrics.counter("earshot.token.refreshes", "account", "session", "outcome", outcome).increment();
    }

    private static String fingerprint(String refreshToken) {
        try {
            // Keyed by a digest: the cache never holds a usable refresh token as a key.
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(refreshToken.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
