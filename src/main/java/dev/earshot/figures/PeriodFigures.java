package dev.earshot.figures;

import dev.earshot.history.HistoryPeriod;
import java.util.List;

/**
 * A listener's music in one period, and the same figures for the previous period of the same length so a page can
 * say what went up or down. Podcast episodes are not part of these figures.
 *
 * @param previous the previous period's figures (without their own previous), or null when there is none (all time)
 */
public record PeriodFigures(
        HistoryPeriod period,
        long plays,
        long msPlayed,
        long distinctArtists,
        long distinctTracks,
        long distinctAlbums,
        List<Ranked> topArtists,
        List<Ranked> topTracks,
        List<Ranked> topAlbums,
        PeriodFigures previous) {

    /** Whole minutes listened. */
    public long minutes() {
        return msPlayed / 60_000;
    }

    /** True when nothing was played in the period. */
    public boolean empty() {
        return plays == 0 && msPlayed == 0;
    }
}
