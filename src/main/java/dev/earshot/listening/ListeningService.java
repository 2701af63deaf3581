package dev.earshot.listening;

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

    ListeningService(SpotifyWebApi web) {
        this.web = web;
    }

    public CompletionStage<Listening> dashboard(AccessTokens tokens, TimeRange range) {
        CompletableFuture<Section<NowPlaying>> nowPlaying = section("now playing",
                web.currentlyPlaying(tokens).thenApply(SpotifyMapping::nowPlaying));
        CompletableFuture<Section<List<Play>>> recent = section("recently played",
                web.recentlyPlayed(tokens, RECENT_PLAYS).thenApply(SpotifyMapping::plays));
        CompletableFuture<Section<List<Track>>> tracks = section("top tracks",
                web.topTracks(tokens, range.param(), TOP_ITEMS).thenApply(SpotifyMapping::tracks));
        CompletableFuture<Section<List<Artist>>> artists = section("top artists",
                web.topArtists(tokens, range.param(), TOP_ITEMS).thenApply(SpotifyMapping::artists));
        return CompletableFuture.allOf(nowPlaying, recent, tracks, artists)
                .thenApply(done -> new Listening(nowPlaying.join(), recent.join(), tracks.join(), artists.join(), range));
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
