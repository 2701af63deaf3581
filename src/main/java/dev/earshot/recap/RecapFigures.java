package dev.earshot.recap;

import dev.earshot.charts.CalendarHeatmap;
import dev.earshot.charts.Chart;
import dev.earshot.figures.DayTotal;
import dev.earshot.figures.ListeningFigures;
import dev.earshot.figures.LocalDays;
import dev.earshot.figures.PeriodFigures;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Gathers a recap's figures from {@link ListeningFigures} (the database only); a database failure is thrown on. */
@ApplicationScoped
public class RecapFigures {

    /** Lines in the recap's top lists. */
    static final int TOP = 5;

    /** Artists first heard that the discoveries slide names. */
    static final int DISCOVERIES = 3;

    /** The longest period drawn as a calendar: a leap year. */
    static final int MAX_CALENDAR_DAYS = 366;

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
        List<DayTotal> days = figures.days(listenerId, period);
        DayTotal topDay = LocalDays.topDay(days);
        return new Recap(
                recapPeriod,
                recapPeriod.inProgress(now),
                totals,
                topDay,
                figures.clock(listenerId, period).topHour(),
                figures.discovery(listenerId, period, DISCOVERIES),
                figures.streaks(listenerId, period, now),
                calendar(recapPeriod, days));
    }

    /** Every day of the period, shaded by minutes; only for a bounded period of at most a year (a leap year's 366 days). */
    private static Chart calendar(RecapPeriod recapPeriod, List<DayTotal> days) {
        var period = recapPeriod.period();
        if (period.from() == null
                || period.to() == null
                || ChronoUnit.DAYS.between(period.from(), period.to()) > MAX_CALENDAR_DAYS) {
            return null;
        }
        Map<LocalDate, Long> minutes = new HashMap<>();
        for (DayTotal day : days) {
            minutes.put(day.day(), day.minutes());
        }
        return CalendarHeatmap.of(
                "recap-calendar", "Every day of " + recapPeriod.label(), period.from(), period.to(), minutes);
    }
}
