package dev.earshot.figures;

import java.time.Instant;

/**
 * One line of a top list: a track, artist or album with its plays and time in the period, where it stood in the
 * period before (for the arrows) and whether the period holds its first play ever ("new this period").
 *
 * @param rank 1 for the top line
 * @param artist the artist of a track or album; null on an artist's own line
 * @param previousRank its rank in the previous period of the same length, or 0 when it was not played then
 * @param firstPlayEver the listener's first play of it ever, or null when unknown
 * @param newThisPeriod true when that first play lies in this period
 */
public record Ranked(
        int rank,
        EntityKind kind,
        String name,
        String artist,
        long plays,
        long msPlayed,
        int previousRank,
        Instant firstPlayEver,
        boolean newThisPeriod) {

    /** Rose since the previous period (or was not in it). */
    public boolean up() {
        return previousRank == 0 || previousRank > rank;
    }

    /** Fell since the previous period. */
    public boolean down() {
        return previousRank != 0 && previousRank < rank;
    }
}
