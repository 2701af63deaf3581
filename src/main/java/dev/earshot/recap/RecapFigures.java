package dev.earshot.recap;

import dev.earshot.figures.DayTotal;
import dev.earshot.figures.ListeningFigures;
import dev.earshot.figures.PeriodFigures;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;

/** Gathers a recap's figures from {@link ListeningFigures} (the database only); a database failure is thrown on. */
@ApplicationScoped
public class RecapFigures {

    /** Lines in the recap's top lists. */
    static final int TOP = 5;

    /** Artists first heard that the discoveries slide names. */
    static final int DISCOVERIES = 3;

    private final ListeningFigures figures;
    private final Clock clock;

    RecapFigures(ListeningFigures figures, Clock clock) {
        this.figures = figures;
        this.clock = clock;
    }

    public Recap of(String listenerId, RecapPeriod recapPeriod) {
        Instant now = clock.instant();
        var period = recapPeriod.period();
        PeriodFigures totals = figures.period(listenerId, period, TOP);
        DayTotal topDay = figures.days(listenerId, period).stream()
                // The most minutes; of equal days the earliest.
                .max(Comparator.comparingLong(DayTotal::msPlayed)
                        .thenComparing(DayTotal::day, Comparator.reverseOrder()))
                .orElse(null);
        return new Recap(
                recapPeriod,
                recapPeriod.inProgress(now),
                totals,
                topDay,
                figures.clock(listenerId, period).topHour(),
                figures.discovery(listenerId, period, DISCOVERIES),
                figures.streaks(listenerId, period, now));
    }
}
