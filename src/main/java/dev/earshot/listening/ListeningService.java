package dev.earshot.listening;

import dev.earshot.config.ListeningConfig;
import dev.earshot.config.NowPlayingConfig;
import dev.earshot.spotify.AccessTokens;
import dev.earshot.spotify.SpotifyException;
import dev.earshot.spotify.SpotifyWebApi;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * A listener's dashboard from Spotify, all sections in parallel, each failing alone (R09). Every section
 * is shared per listener (and range) for its cache period and then refreshed ahead by one background
 * call (R08, R10), so repeated views cost Spotify almost nothing; a failed section shows its last good
 * value marked stale, or its problem.
 */
@ApplicationScoped
public class ListeningService {

    /** Spotify keeps only the last 50 plays. */
    static final int RECENT_PLAYS = 50;
    /** Enough for the taste charts; the page shows fewer. */
    static final int TOP_ITEMS = 50;
    /** How long a listener's sections are kept to serve stale after Spotify starts failing. */
    static final Duration KEEP = Duration.ofHours(1);

    private static final Logger LOG = Logger.getLogger(ListeningService.class);

    /** Top lists are per listener and range. */
    private record TopKey(String listener, TimeRange range) {}

    private final SpotifyWebApi web;
    private final NowPlayingFeed nowPlayingFeed;
    private final Clock clock;
    private final RefreshAheadCache<String, List<Play>> recentPlays;
    private final RefreshAheadCache<TopKey, List<Track>> topTracks;
    private final RefreshAheadCache<TopKey, List<Artist>> topArtists;

    ListeningService(
            SpotifyWebApi web,
            NowPlayingFeed nowPlayingFeed,
            Clock clock,
            ListeningConfig config,
            NowPlayingConfig nowPlaying) {
        this.web = web;
        this.nowPlayingFeed = nowPlayingFeed;
        this.clock = clock;
        Duration backoff = nowPlaying.errorBackoff();
        this.recentPlays = new RefreshAheadCache<>(
                clock, config.recentlyPlayedCachePeriod(), backoff, RefreshAheadCache.PATIENCE, KEEP);
        this.topTracks =
                new RefreshAheadCache<>(clock, config.topItemsCachePeriod(), backoff, RefreshAheadCache.PATIENCE, KEEP);
        this.topArtists =
                new RefreshAheadCache<>(clock, config.topItemsCachePeriod(), backoff, RefreshAheadCache.PATIENCE, KEEP);
    }

    /** Everything the dashboard shows of {@code listener}; now playing comes through the shared feed. */
    public CompletionStage<Listening> dashboard(String listener, AccessTokens tokens, TimeRange range) {
        CompletableFuture<Section<NowPlaying>> nowPlaying = nowPlayingFeed
                .current(listener, tokens)
                .thenApply(this::nowPlayingSection)
                .exceptionally(failure -> Section.failed(Problem.of(failure)))
                .toCompletableFuture();
        TopKey top = new TopKey(listener, range);
        CompletableFuture<Section<List<Play>>> recent =
                section("recently played", recentPlays.get(listener, tokens, this::fetchRecentPlays));
        CompletableFuture<Section<List<Track>>> tracks = section(
                "top tracks",
                topTracks.get(
                        top,
                        tokens,
                        t -> web.topTracks(t, range.param(), TOP_ITEMS).thenApply(SpotifyMapping::tracks)));
        CompletableFuture<Section<List<Artist>>> artists = section(
                "top artists",
                topArtists.get(
                        top,
                        tokens,
                        t -> web.topArtists(t, range.param(), TOP_ITEMS).thenApply(SpotifyMapping::artists)));
        return CompletableFuture.allOf(nowPlaying, recent, tracks, artists)
                .thenApply(
                        done -> new Listening(nowPlaying.join(), recent.join(), tracks.join(), artists.join(), range));
    }

    /**
     * The most recent play, for an idle "last played" line, from the same shared recently-played data
     * as the dashboard (a stale one if Spotify fails); empty when none is known.
     */
    public CompletionStage<Optional<Play>> lastPlay(String listener, AccessTokens tokens) {
        return recentPlays
                .get(listener, tokens, this::fetchRecentPlays)
                .thenApply(lookup -> Optional.ofNullable(lookup.cached().value())
                        .flatMap(plays -> plays.stream().findFirst()));
    }

    /** Drops the sections known of {@code listener}, e.g. when another account takes its place. */
    public void forget(String listener) {
        recentPlays.forget(listener);
        for (TimeRange range : TimeRange.values()) {
            topTracks.forget(new TopKey(listener, range));
            topArtists.forget(new TopKey(listener, range));
        }
    }

    private CompletionStage<List<Play>> fetchRecentPlays(AccessTokens tokens) {
        return web.recentlyPlayed(tokens, RECENT_PLAYS).thenApply(SpotifyMapping::plays);
    }

    private Section<NowPlaying> nowPlayingSection(NowPlayingSnapshot snapshot) {
        if (!snapshot.available()) {
            return Section.failed(snapshot.problem());
        }
        return Section.of(snapshot.nowPlaying().withProgress(snapshot.progressAt(clock.instant())));
    }

    /** The lookup as a section; only a failure that ends the sign-in is left as a failure, and it becomes SESSION_ENDED. */
    private <T> CompletableFuture<Section<T>> section(
            String name, CompletionStage<RefreshAheadCache.Lookup<T>> lookup) {
        return lookup.handle((found, failure) -> {
                    if (failure != null) {
                        LOG.debugf(
                                "Dashboard section '%s': the sign-in has ended (%s)",
                                name, SpotifyException.unwrap(failure).getMessage());
                        return Section.<T>failed(Problem.of(failure));
                    }
                    Section<T> section = found.cached().section(clock.instant());
                    if (!section.ok()) {
                        LOG.debugf(
                                "Dashboard section '%s' %s: %s",
                                name, section.hasValue() ? "stale" : "unavailable", section.problem());
                    }
                    return section;
                })
                .toCompletableFuture();
    }
}
