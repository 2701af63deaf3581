package dev.earshot.listening;

import dev.earshot.config.NowPlayingConfig;
import dev.earshot.spotify.AccessTokens;
import dev.earshot.spotify.SpotifyWebApi;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * What a listener is playing, fetched from Spotify as rarely as possible and never waited for once
 * known: one answer shared by every tab and viewer for a short period, then served on while one
 * background call refreshes it (R08, R10). After a 429 (app-wide, R11), a 5xx or a timeout the last
 * good value is served marked stale (R02). Failures that end a sign-in reach only the session whose
 * tokens caused them.
 */
@ApplicationScoped
public class NowPlayingFeed {

    /** How long a listener's last known playback is kept to serve stale; playback older than this says little. */
    static final Duration KEEP = Duration.ofMinutes(30);

    private final SpotifyWebApi web;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final RefreshAheadCache<String, NowPlaying> playback;
    private final Consumer<NowPlayingSeen> seen;
    private final Map<String, Counter> lookups = new ConcurrentHashMap<>();

    @Inject
    NowPlayingFeed(
            SpotifyWebApi web,
            Clock clock,
            NowPlayingConfig config,
            MeterRegistry metrics,
            Event<NowPlayingSeen> seen) {
        // Asynchronous: observers (the history's episode recorder) must not hold up the viewers.
        this(web, clock, config, metrics, seen::fireAsync);
    }

    NowPlayingFeed(
            SpotifyWebApi web,
            Clock clock,
            NowPlayingConfig config,
            MeterRegistry metrics,
            Consumer<NowPlayingSeen> seen) {
        this.web = web;
        this.seen = seen;
        this.clock = clock;
        this.metrics = metrics;
        this.playback = new RefreshAheadCache<>(
                clock, config.cachePeriod(), config.errorBackoff(), RefreshAheadCache.PATIENCE, KEEP);
    }

    /** The current snapshot for {@code listener} (a user id or the owner), calling Spotify with {@code tokens} only when due. */
    public CompletionStage<NowPlayingSnapshot> current(String listener, AccessTokens tokens) {
        return playback.get(listener, tokens, fresh -> fetch(listener, fresh)).thenApply(lookup -> {
            countLookup(lookup.result());
            Cached<NowPlaying> cached = lookup.cached();
            if (!cached.hasValue()) {
                return NowPlayingSnapshot.unavailable(clock.instant(), cached.problem());
            }
            return new NowPlayingSnapshot(cached.value(), cached.fetchedAt(), cached.stale(), cached.problem());
        });
    }

    /** Drops everything known of {@code listener}, e.g. when another account takes its place. */
    public void forget(String listener) {
        playback.forget(listener);
    }

    /**
     * hit: answered from the shared cache (no call of its own); miss: this lookup called Spotify (waiting
     * for it only when nothing was known yet); stale: Spotify is pausing us or failed, so the last good
     * answer (or "unavailable") was served.
     */
    private void countLookup(String result) {
        // One counter per result, looked up once: a registry lookup builds tags on every call (issue 13's profile).
        lookups.computeIfAbsent(result, r -> metrics.counter("earshot.now.playing.lookups", "result", r))
                .increment();
    }

    private CompletionStage<NowPlaying> fetch(String listener, AccessTokens tokens) {
        return web.currentlyPlaying(tokens)
                .thenApply(SpotifyMapping::nowPlaying)
                .thenApply(nowPlaying -> {
                    seen.accept(new NowPlayingSeen(listener, nowPlaying, clock.instant()));
                    return nowPlaying;
                });
    }
}
