package dev.earshot.listening;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.earshot.spotify.AccessTokens;
import dev.earshot.spotify.SpotifyException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Listener data read from Spotify and shared by every viewer of it. Per key at most one call is in
 * flight (R08); once a value exists every viewer gets it at once while one background call refreshes
 * it (R10); a failure keeps the last good value, marked stale, and pauses calls for the key (R02).
 * <p>
 * The one request that finds the value due, and so starts the refresh, waits for it up to
 * {@link #PATIENCE}: Spotify usually answers well within that, so a lone viewer polling every few
 * seconds sees what Spotify says now rather than what it said one poll ago; a slow Spotify costs that
 * one request no more than the patience, and every other viewer is answered at once.
 * <p>
 * Each caller gets its token with its own {@link AccessTokens} before any shared work, so a token
 * refresh (and a rotated refresh token) stays with the session it belongs to. A shared call that ends
 * a sign-in (a second 401) fails only for the caller whose token it used; that token is remembered as
 * dead so its session is signed out on its next request, and other callers retry with their own.
 */
final class RefreshAheadCache<K, V> {

    /** What a lookup served, and how: {@code hit}, {@code miss} (it called Spotify) or {@code stale}. */
    record Lookup<V>(Cached<V> cached, String result) {}

    /** How long the request that starts a refresh waits for it before it is served the value already known. */
    static final Duration PATIENCE = Duration.ofMillis(250);

    /** An access token a shared call for {@code key} found dead. */
    private record DeadToken<K>(K key, String token) {}

    private final Clock clock;
    private final Duration freshFor;
    private final Duration errorBackoff;
    private final Duration patience;
    private final Cache<K, Cached<V>> known;
    private final ConcurrentMap<K, CompletableFuture<Cached<V>>> inFlight = new ConcurrentHashMap<>();
    /** Access tokens a shared call found dead; an access token lives an hour at most. */
    private final Cache<DeadToken<K>, Boolean> deadTokens = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofHours(1))
            .maximumSize(10_000)
            .build();

    RefreshAheadCache(Clock clock, Duration freshFor, Duration errorBackoff, Duration patience, Duration keep) {
        this.clock = clock;
        this.freshFor = freshFor;
        this.errorBackoff = errorBackoff;
        this.patience = patience;
        this.known =
                Caffeine.newBuilder().expireAfterWrite(keep).maximumSize(50_000).build();
    }

    /**
     * What is known for {@code key}, calling Spotify with {@code fetch} only when due. Fails only with
     * a failure that ends {@code tokens}' own sign-in.
     */
    CompletionStage<Lookup<V>> get(K key, AccessTokens tokens, Function<AccessTokens, CompletionStage<V>> fetch) {
        return get(key, tokens, fetch, true);
    }

    /** Drops what is known for {@code key}, e.g. when another account takes its place. */
    void forget(K key) {
        known.invalidate(key);
        deadTokens.asMap().keySet().removeIf(dead -> dead.key().equals(key));
    }

    private CompletionStage<Lookup<V>> get(
            K key, AccessTokens tokens, Function<AccessTokens, CompletionStage<V>> fetch, boolean mayRetry) {
        Cached<V> cached = known.getIfPresent(key);
        if (cached != null && !cached.due(clock.instant(), freshFor)) {
            return CompletableFuture.completedFuture(served(cached));
        }
        return tokens.current()
                .handle((token, failure) -> failure == null
                        ? withToken(key, token, tokens, fetch, cached, mayRetry)
                        : ownTokenFailed(cached, failure))
                .thenCompose(Function.identity());
    }

    private CompletionStage<Lookup<V>> withToken(
            K key,
            String token,
            AccessTokens tokens,
            Function<AccessTokens, CompletionStage<V>> fetch,
            Cached<V> cached,
            boolean mayRetry) {
        if (deadTokens.getIfPresent(new DeadToken<>(key, token)) != null) {
            return CompletableFuture.failedFuture(
                    new SpotifyException.Unauthorized("Spotify rejected this session's token"));
        }
        CompletableFuture<Cached<V>> mine = new CompletableFuture<>();
        CompletableFuture<Cached<V>> running = inFlight.putIfAbsent(key, mine);
        boolean started = running == null;
        if (started) {
            load(key, token, tokens, fetch, mine);
            running = mine;
        }
        if (cached != null && cached.hasValue()) {
            // Refresh-ahead: the viewer gets what is known now; the call runs on without it (R10).
            Lookup<V> servedNow =
                    new Lookup<>(cached, started ? "miss" : served(cached).result());
            if (!started || patience.isZero()) {
                return CompletableFuture.completedFuture(servedNow);
            }
            return running.handle((result, failure) ->
                            failure == null ? new Lookup<>(result, result.stale() ? "stale" : "miss") : servedNow)
                    .completeOnTimeout(servedNow, patience.toMillis(), TimeUnit.MILLISECONDS);
        }
        return running.handle((result, failure) -> {
                    if (failure == null) {
                        return CompletableFuture.completedFuture(
                                new Lookup<>(result, result.stale() ? "stale" : started ? "miss" : "hit"));
                    }
                    if (started) {
                        return CompletableFuture.<Lookup<V>>failedFuture(SpotifyException.unwrap(failure));
                    }
                    // Another session's sign-in ended in the shared call: try once more with this caller's own tokens.
                    return mayRetry
                            ? get(key, tokens, fetch, false)
                            : CompletableFuture.completedFuture(
                                    served(Cached.failed(cached, Problem.UNAVAILABLE, clock.instant())));
                })
                .thenCompose(Function.identity());
    }

    private void load(
            K key,
            String token,
            AccessTokens tokens,
            Function<AccessTokens, CompletionStage<V>> fetch,
            CompletableFuture<Cached<V>> mine) {
        CompletionStage<V> call;
        try {
            call = fetch.apply(tokens.pinnedTo(token));
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        call.whenComplete((value, failure) -> {
            Instant now = clock.instant();
            Throwable outcome = null;
            Cached<V> result = null;
            if (failure == null) {
                result = Cached.fresh(value, now);
            } else if (SpotifyException.endsSession(failure)) {
                deadTokens.put(new DeadToken<>(key, token), Boolean.TRUE);
                outcome = SpotifyException.unwrap(failure);
            } else {
                result = Cached.failed(known.getIfPresent(key), Problem.of(failure), now.plus(pauseFor(failure)));
            }
            // Known first, then out of flight: a reader in between sees one or the other, never neither.
            if (result != null) {
                known.put(key, result);
            }
            inFlight.remove(key, mine);
            if (outcome != null) {
                mine.completeExceptionally(outcome);
            } else {
                mine.complete(result);
            }
        });
    }

    /** A failure getting this caller's own token: it ends this caller's sign-in, or is served like any other. */
    private CompletionStage<Lookup<V>> ownTokenFailed(Cached<V> cached, Throwable failure) {
        if (SpotifyException.endsSession(failure)) {
            return CompletableFuture.failedFuture(new CompletionException(SpotifyException.unwrap(failure)));
        }
        Instant now = clock.instant();
        return CompletableFuture.completedFuture(
                served(Cached.failed(cached, Problem.of(failure), now.plus(pauseFor(failure)))));
    }

    private static <V> Lookup<V> served(Cached<V> cached) {
        return new Lookup<>(cached, cached.stale() || !cached.hasValue() ? "stale" : "hit");
    }

    private Duration pauseFor(Throwable failure) {
        Throwable cause = SpotifyException.unwrap(failure);
        return cause instanceof SpotifyException.RateLimited limited ? limited.retryAfter() : errorBackoff;
    }
}
