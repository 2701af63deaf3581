package dev.earshot.dashboard;

import dev.earshot.history.RecordingStatus;
import dev.earshot.listening.Artist;
import dev.earshot.listening.ChartBar;
import dev.earshot.listening.Listening;
import dev.earshot.listening.NowPlayingCard;
import dev.earshot.listening.TasteCharts;
import dev.earshot.listening.TimeRange;
import dev.earshot.listening.Track;
import java.util.List;

/** Everything the dashboard template shows, worked out before rendering. */
public record DashboardView(
        String displayName,
        String avatarUrl,
        Listening listening,
        List<TimeRange> ranges,
        List<Track> topTracks,
        List<Artist> topArtists,
        List<ChartBar> recentArtists,
        List<ChartBar> decades,
        List<ChartBar> genres,
        long pollMillis,
        String ownerNotice,
        RecordingStatus recording) {

    /** How many top items the page lists; more are fetched for the charts. */
    static final int SHOWN_TOP_ITEMS = 20;

    static DashboardView of(
            String displayName,
            String avatarUrl,
            Listening listening,
            long pollMillis,
            String ownerNotice,
            RecordingStatus recording) {
        List<Track> tracks =
                listening.topTracks().hasValue() ? listening.topTracks().value() : List.of();
        List<Artist> artists =
                listening.topArtists().hasValue() ? listening.topArtists().value() : List.of();
        return new DashboardView(
                displayName,
                avatarUrl,
                listening,
                List.of(TimeRange.values()),
                tracks.stream().limit(SHOWN_TOP_ITEMS).toList(),
                artists.stream().limit(SHOWN_TOP_ITEMS).toList(),
                listening.recentlyPlayed().hasValue()
                        ? TasteCharts.artistsInRecentPlays(
                                listening.recentlyPlayed().value())
                        : List.of(),
                TasteCharts.decades(tracks),
                TasteCharts.genres(artists),
                pollMillis,
                ownerNotice,
                recording);
    }

    /** The live now-playing card; it polls the signed-in listener's own endpoint. */
    public NowPlayingCard nowPlayingCard() {
        return NowPlayingCard.of(listening.nowPlaying(), "Now playing", "/api/me/now-playing", pollMillis);
    }
}
