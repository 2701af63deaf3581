package dev.earshot.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.earshot.spotify.SpotifyAccounts;
import dev.earshot.spotify.SpotifyException;
import dev.earshot.spotify.SpotifyQuietPeriod;
import dev.earshot.spotify.TokenGrant;
import dev.earshot.web.Sha256;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one way a refresh token becomes new tokens, for signed-in sessions and the owner alike: at most one
 * refresh in flight per refresh token (R05); none at all while Spotify's app-wide quiet period after a 429
 * runs (R11), failing fast without remembering that as a failure; and, for sessions, a successful result
 * remembered for a short while, so a request that still carries the pre-refresh token (a parallel tab, a request racing
 * the one that refreshed) gets the same new tokens instead of spending a refresh token that Spotify may
 * already have rotated away. A rotated refresh token comes back in the grant for the caller to store
 * before it uses the access token; {@code invalid_grant} comes back as {@link SpotifyException.GrantRejected}.
 */
@ApplicationScoped
public class TokenRefresher {

    /** Whose token is refreshed; a label of the {@code earshot.token.refreshes} metric. */
    public enum Account {
        /** A browser may still carry the pre-refresh token in its cookie: results are remembered for it. */
        SESSION(true),
        /** One holder on the server, which adopts the result itself: nothing to remember. */
        OWNER(false),
        /** A listener's token held for recording ({@link HeldTokens}): adopted by the holder, nothing to remember. */
        RECORDER(false);

        private final boolean remembersResults;

        Account(boolean remembersResults) {
            this.remembersResults = remembersResults;
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final Duration REMEMBER_RESULT = Duration.ofMinutes(2);

    private final Function<String, CompletionStage<TokenGrant>> tokenEndpoint;
    private final Supplier<Optional<Duration>> quietPeriodLeft;
    private final MeterRegistry metrics;

    /** Calls in flight, keyed like {@link #remembered}; held here, not in Caffeine, so a failed refresh is no logged stack trace. */
    private final ConcurrentMap<String, CompletableFuture<TokenGrant>> inFlight = new ConcurrentHashMap<>();
    /** Successful results only: a failure is never remembered, so the next request tries again. */
    private final Cache<String, TokenGrant> remembered = Caffeine.newBuilder()
            .expireAfterWrite(REMEMBER_RESULT)
            .maximumSize(10_000)
            .build();

    @Inject
    TokenRefresher(SpotifyAccounts accounts, SpotifyQuietPeriod quietPeriod, MeterRegistry metrics) {
        this(accounts::refresh, quietPeriod::remaining, metrics);
    }

    TokenRefresher(
            Function<String, CompletionStage<TokenGrant>> tokenEndpoint,
            Supplier<Optional<Duration>> quietPeriodLeft,
            MeterRegistry metrics) {
        this.tokenEndpoint = tokenEndpoint;
        this.quietPeriodLeft = quietPeriodLeft;
        this.metrics = metrics;
    }

    /**
     * New tokens for {@code refreshToken}. When {@code rejectedAccessToken} is given (Spotify answered 401
     * for it), a remembered or shared result carrying that very token is not good enough: refresh anew.
     */
    public CompletionStage<TokenGrant> refresh(Account account, String refreshToken, String rejectedAccessToken) {
        String key = fingerprint(refreshToken);
        Optional<TokenGrant> known = rememberedFor(account, key, rejectedAccessToken);
        if (known.isPresent()) {
            return CompletableFuture.completedFuture(known.get());
        }
        Optional<Duration> quiet = quietPeriodLeft.get();
        if (quiet.isPresent()) {
            // Spotify asked the whole app to wait; a refresh now would only earn another 429.
            return CompletableFuture.failedFuture(new SpotifyException.RateLimited(quiet.get()));
        }
        CompletableFuture<TokenGrant> mine = new CompletableFuture<>();
        CompletableFuture<TokenGrant> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return rejectedAccessToken == null
                    ? running.copy()
                    : running.thenCompose(grant -> grant.accessToken().equals(rejectedAccessToken)
                            ? refresh(account, refreshToken, rejectedAccessToken)
                            : CompletableFuture.completedFuture(grant));
        }
        // A call that finished between the look above and claiming the slot has left its result behind.
        Optional<TokenGrant> justFinished = rememberedFor(account, key, rejectedAccessToken);
        if (justFinished.isPresent()) {
            inFlight.remove(key, mine);
            mine.complete(justFinished.get());
            return mine.copy();
        }
        CompletionStage<TokenGrant> call;
        try {
            call = tokenEndpoint.apply(refreshToken);
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        call.whenComplete((grant, failure) -> {
            count(account, failure);
            if (failure == null && account.remembersResults) {
                remembered.put(key, grant);
            }
            // Remembered first, released second: a caller arriving in between finds the result, not a new call.
            inFlight.remove(key, mine);
            if (failure == null) {
                mine.complete(grant);
            } else {
                mine.completeExceptionally(SpotifyException.unwrap(failure));
            }
        });
        return mine.copy();
    }

    private Optional<TokenGrant> rememberedFor(Account account, String key, String rejectedAccessToken) {
        if (!account.remembersResults) {
            return Optional.empty();
        }
        return Optional.ofNullable(remembered.getIfPresent(key))
                .filter(grant -> !grant.accessToken().equals(rejectedAccessToken));
    }

    /** One count per refresh sent to Spotify (shared and held-back ones are not counted), by account and outcome. */
    private void count(Account account, Throwable failure) {
        String outcome = failure == null
                ? "success"
                : SpotifyException.unwrap(failure) instanceof SpotifyException.GrantRejected ? "rejected" : "failed";
        metrics.counter("earshot.token.refreshes", "account", account.label(), "outcome", outcome)
                .increment();
    }

    /** Keyed by a digest: no map here ever holds a usable refresh token as a key. */
    private static String fingerprint(String refreshToken) {
        return HexFormat.of().formatHex(Sha256.of(refreshToken));
    }
}
