package dev.earshot.figures;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns totals into top lists: most plays first, then most time, then by name (case aside first), then by artist. */
final class Rankings {

    static final Comparator<EntityTotal> ORDER = Comparator.comparingLong(EntityTotal::plays)
            .thenComparingLong(EntityTotal::msPlayed)
            .reversed()
            .thenComparing(EntityTotal::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(EntityTotal::name)
            .thenComparing(EntityTotal::artist, Comparator.nullsFirst(String.CASE_INSENSITIVE_ORDER))
            .thenComparing(EntityTotal::artist, Comparator.nullsFirst(Comparator.naturalOrder()));

    private Rankings() {}

    /** The played lines of {@code kind}, best first. */
    static List<EntityTotal> ranked(Collection<EntityTotal> totals, EntityKind kind) {
        return totals.stream()
                .filter(total -> total.kind() == kind && total.plays() > 0)
                .sorted(ORDER)
                .toList();
    }

    /** Each line's rank (1 for the top), for looking up where something stood. */
    static Map<EntityTotal.Key, Integer> ranks(List<EntityTotal> ranked) {
        Map<EntityTotal.Key, Integer> ranks = new HashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            ranks.put(ranked.get(i).key(), i + 1);
        }
        return ranks;
    }
}
