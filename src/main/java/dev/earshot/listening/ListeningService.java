package dev.earshot.listening;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.earshot.spotify.AccessTokens;
import dev.earshot.spotify.SpotifyWebApi;

/** Fetches a listener's dashboard from Spotify, all sections in parallel, each failing alone (R09). */
@ApplicationScoped
public class ListeningService {

    /** Spotify keeps only the last 50 plays. */
    static final int RECENT_PLAYS = 50;
    /** Enough for the taste charts; the page shows fewer. */
    static final int TOP_ITEMS = 50;

    private static final Logger LOG = Logger.getLogger(ListeningService.class);

    private final SpotifyWebApi web;
    private final NowPlayingFeed nowPlayingFeed;
    private final Clock clock;

    ListeningService(SpotifyWebApi web, NowPlayingFeed nowPlayingFeed, Clock clock) {
        this.web = web;
        this.nowPlayingFeed = nowPlayingFeed;
        this.clock = clock;
    }

    /** Everything the dashboard shows of {@code listener}; now playing comes through the shared feed. */
    public CompletionStage<Listening> dashboard(String listener, AccessTokens tokens, TimeRange range) {
        CompletableFuture<Section<NowPlaying>> nowPlaying = nowPlayingFeed.current(listener, tokens)
                .thenApply(this::nowPlayingSection)
                .exceptionally(failure -> Section.failed(Problem.of(failure)))
                .toCompletableFuture();
        CompletableFuture<Section<List<Play>>> recent = section("recently played",
                web.recentlyPlayed(tokens, RECENT_PLAYS).thenApply(SpotifyMapping::plays));
        CompletableFuture<Section<List<Track>>> tracks = section("top tracks",
                web.topTracks(tokens, range.param(), TOP_ITEMS).thenApply(SpotifyMapping::tracks));
        CompletableFuture<Section<List<Artist>>> artists = section("top artists",
                web.topArtists(tokens, range.param(), TOP_ITEMS).thenApply(SpotifyMapping::artists));
        return CompletableFuture.allOf(nowPlaying, recent, tracks, artists)
                .thenApply(done -> new Listening(nowPlaying.join(), recent.join(), tracks.join(), artists.join(), range));
    }

    /** The most recent play, for an idle "last played" line; empty when Spotify lists none. */
    public CompletionStage<java.util.Optional<Play>> lastPlay(AccessTokens tokens) {
        return web.recentlyPlayed(tokens, 1).thenApply(history -> SpotifyMapping.plays(history).stream().findFirst());
    }

    private Section<NowPlaying> nowPlayingSection(NowPlayingSnapshot snapshot) {
        if (!snapshot.available()) {
            return Section.failed(snapshot.problem());
        }
        return Section.of(snapshot.nowPlaying().withProgress(snapshot.progressAt(clock.instant())));
    }

    private static <T> CompletableFuture<Section<T>> section(String name, CompletionStage<T> fetch) {
        return fetch.handle((value, failure) -> {
            if (failure == null) {
                return Section.of(value);
            }
            Problem problem = Problem.of(failure);
            LOG.warnf("Dashboard section '%s' unavailable: %s (%s)", name, problem, dev.earshot.spotify.SpotifyException.unwrap(failure).getMessage());
            return Section.<T>failed(problem);
        }).toCompletableFuture();
    }
}
