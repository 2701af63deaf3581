package dev.earshot.figures;

import java.util.List;
import java.util.Map;

/**
 * What a period's page needs from the database: music plays and time, how many distinct tracks, artists and
 * albums were played, and the best lines of each kind — at least as many as asked for, ranked by
 * {@link Rankings#ORDER}; exact, however they were read.
 */
record PeriodTotals(long plays, long msPlayed, Map<EntityKind, Long> distinct, Map<EntityKind, List<EntityTotal>> top) {

    /** Works them out from every total of the period (for stretches read from the plays themselves). */
    static PeriodTotals of(List<EntityTotal> totals) {
        long plays = 0;
        long ms = 0;
        for (EntityTotal total : totals) {
            if (total.kind() == EntityKind.TRACK) {
                plays += total.plays();
                ms += total.msPlayed();
            }
        }
        Map<EntityKind, Long> distinct = new java.util.EnumMap<>(EntityKind.class);
        Map<EntityKind, List<EntityTotal>> top = new java.util.EnumMap<>(EntityKind.class);
        for (EntityKind kind : EntityKind.values()) {
            List<EntityTotal> ranked = Rankings.ranked(totals, kind);
            distinct.put(kind, (long) ranked.size());
            top.put(kind, ranked);
        }
        return new PeriodTotals(plays, ms, distinct, top);
    }
}
