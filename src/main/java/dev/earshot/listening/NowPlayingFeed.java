package dev.earshot.listening;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.earshot.config.NowPlayingConfig;
import dev.earshot.spotify.AccessTokens;
import dev.earshot.spotify.RetryAfter;
import dev.earshot.spotify.SpotifyException;
import dev.earshot.spotify.SpotifyWebApi;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What a listener is playing, fetched from Spotify as rarely as possible. Per listener: one call in
 * flight at a time and one answer shared for a short period (R08); after a 429 no call until
 * {@code Retry-After} has passed, and after a 5xx or timeout a short pause, serving the last good
 * value marked stale meanwhile (R02). Failures that end the sign-in are passed on, never hidden.
 */
@ApplicationScoped
public class NowPlayingFeed {

    private static final Logger LOG = Logger.getLogger(NowPlayingFeed.class);

    /** Why, and until when, a listener's feed makes no upstream calls. */
    private record Quiet(Instant until, Problem problem) {
    }

    private final SpotifyWebApi web;
    private final Clock clock;
    private final Duration errorBackoff;
    private final MeterRegistry metrics;
    private final AsyncCache<String, NowPlayingSnapshot> fresh;
    private final Cache<String, NowPlayingSnapshot> lastGood = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(30))
            .maximumSize(50_000)
            .build();
    private final Cache<String, Quiet> quiet = Caffeine.newBuilder()
            .expireAfterWrite(RetryAfter.MAX)
            .maximumSize(50_000)
            .build();

    NowPlayingFeed(SpotifyWebApi web, Clock clock, NowPlayingConfig config, MeterRegistry metrics) {
        this.web = web;
        this.clock = clock;
        this.metrics = metrics;
        this.errorBackoff = config.errorBackoff();
        this.fresh = Caffeine.newBuilder()
                .expireAfterWrite(config.cachePeriod())
                .maximumSize(50_000)
                .buildAsync();
    }

    /** The current snapshot for {@code listener} (a user id or the owner), fetching with {@code tokens} only when due. */
    public CompletionStage<NowPlayingSnapshot> current(String listener, AccessTokens tokens) {
        Instant now = clock.instant();
        Quiet quietNow = quiet.getIfPresent(listener);
        if (quietNow != null && now.isBefore(quietNow.until())) {
            countLookup("stale");
            return CompletableFuture.completedFuture(fallback(listener, quietNow.problem(), now));
        }
        // Caffeine runs the loader synchronously inside get(), so the flag is settled when get() returns.
        AtomicBoolean fetched = new AtomicBoolean();
        return fresh.get(listener, (key, executor) -> {
                    fetched.set(true);
                    return fetch(tokens);
                })
                .handle((snapshot, failure) -> {
                    if (failure == null) {
                        countLookup(fetched.get() ? "miss" : "hit");
                        lastGood.put(listener, snapshot);
                        return snapshot;
                    }
                    if (SpotifyException.endsSession(failure)) {
                        countLookup(fetched.get() ? "miss" : "hit");
                        throw new java.util.concurrent.CompletionException(SpotifyException.unwrap(failure));
                    }
                    countLookup("stale");
                    Problem problem = Problem.of(failure);
                    quiet.put(listener, new Quiet(clock.instant().plus(pauseFor(failure)), problem));
                    LOG.debugf("Now playing for a listener unavailable (%s): serving the last value", problem);
                    return fallback(listener, problem, clock.instant());
                });
    }

    /** Drops everything known of {@code listener}, e.g. when another account takes its place. */
    public void forget(String listener) {
        fresh.synchronous().invalidate(listener);
        lastGood.invalidate(listener);
        quiet.invalidate(listener);
    }

    /**
     * hit: answered from the shared cache or an in-flight call (no call of its own); miss: this lookup
     * called Spotify; stale: Spotify is pausing us or failed, so the last good answer (or "unavailable") was served.
     */
    private void countLookup(String result) {
        metrics.counter("earshot.now.playing.lookups", "result", result).increment();
    }

    private CompletableFuture<NowPlayingSnapshot> fetch(AccessTokens tokens) {
        return web.currentlyPlaying(tokens)
                .thenApply(answer -> new NowPlayingSnapshot(SpotifyMapping.nowPlaying(answer), clock.instant(), false, null))
                .toCompletableFuture();
    }

    private Duration pauseFor(Throwable failure) {
        Throwable cause = SpotifyException.unwrap(failure);
        return cause instanceof SpotifyException.RateLimited limited ? limited.retryAfter() : errorBackoff;
    }

    private NowPlayingSnapshot fallback(String listener, Problem problem, Instant now) {
        NowPlayingSnapshot last = lastGood.getIfPresent(listener);
        return last == null ? NowPlayingSnapshot.unavailable(now, problem) : last.asStale(problem);
    }
}
