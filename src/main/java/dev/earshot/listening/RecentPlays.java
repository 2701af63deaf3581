package dev.earshot.listening;

import dev.earshot.spotify.AccessTokens;
import dev.earshot.spotify.SpotifyWebApi;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Recently played after a cursor, uncached: for the recorder, which pages through new plays itself. */
@ApplicationScoped
public class RecentPlays {

    /** Spotify keeps the last 50 plays and gives at most 50 at once. */
    public static final int PAGE = 50;

    private final SpotifyWebApi web;

    RecentPlays(SpotifyWebApi web) {
        this.web = web;
    }

    /** The plays that ended after {@code after} (all Spotify keeps when null), newest first. */
    public CompletionStage<List<Play>> after(AccessTokens tokens, Instant after) {
        return web.recentlyPlayed(tokens, PAGE, after == null ? null : after.toEpochMilli())
                .thenApply(SpotifyMapping::plays);
    }
}
