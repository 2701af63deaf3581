package dev.earshot.dashboard;

import java.util.List;
import java.util.Locale;

import dev.earshot.listening.Artist;
import dev.earshot.listening.ChartBar;
import dev.earshot.listening.Listening;
import dev.earshot.listening.NowPlaying;
import dev.earshot.listening.TasteCharts;
import dev.earshot.listening.TimeRange;
import dev.earshot.listening.Track;

/** Everything the dashboard template shows, worked out before rendering. */
public record DashboardView(String displayName, String avatarUrl, Listening listening, List<TimeRange> ranges,
        List<Track> topTracks, List<Artist> topArtists, List<ChartBar> recentArtists, List<ChartBar> decades,
        List<ChartBar> genres, long pollMillis) {

    /** How many top items the page lists; more are fetched for the charts. */
    static final int SHOWN_TOP_ITEMS = 20;

    static DashboardView of(String displayName, String avatarUrl, Listening listening, long pollMillis) {
        List<Track> tracks = listening.topTracks().ok() ? listening.topTracks().value() : List.of();
        List<Artist> artists = listening.topArtists().ok() ? listening.topArtists().value() : List.of();
        return new DashboardView(displayName, avatarUrl, listening, List.of(TimeRange.values()),
                tracks.stream().limit(SHOWN_TOP_ITEMS).toList(),
                artists.stream().limit(SHOWN_TOP_ITEMS).toList(),
                listening.recentlyPlayed().ok() ? TasteCharts.artistsInRecentPlays(listening.recentlyPlayed().value()) : List.of(),
                TasteCharts.decades(tracks),
                TasteCharts.genres(artists), pollMillis);
    }

    /**
     * What the now-playing card holds: the answer, or idle when the section failed. The card always
     * carries the markup of every state so its script can switch between them in place.
     */
    public NowPlaying nowPlaying() {
        return listening.nowPlaying().ok() ? listening.nowPlaying().value() : NowPlaying.idle();
    }

    /** The card's {@code data-state}: playing, paused, idle, or unavailable when the section failed. */
    public String nowPlayingState() {
        return listening.nowPlaying().ok() ? nowPlaying().status().name().toLowerCase(Locale.ROOT) : "unavailable";
    }
}
