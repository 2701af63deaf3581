package dev.earshot.figures;

import dev.earshot.history.HistoryPeriod;
import java.time.temporal.ChronoUnit;

/**
 * The period a period is compared with: the calendar month or year before a calendar month or year, otherwise the
 * same number of days just before. An open period (all time, or since a day) has none.
 */
public final class PreviousPeriod {

    private PreviousPeriod() {}

    /** The period before {@code period}, or null when it has no length. */
    public static HistoryPeriod of(HistoryPeriod period) {
        if (period.from() == null || period.to() == null) {
            return null;
        }
        var from = period.from();
        var to = period.to();
        if (from.getDayOfYear() == 1 && to.getDayOfYear() == 1) {
            long years = ChronoUnit.YEARS.between(from, to);
            return new HistoryPeriod(from.minusYears(years), from, period.zone());
        }
        if (from.getDayOfMonth() == 1 && to.getDayOfMonth() == 1) {
            long months = ChronoUnit.MONTHS.between(from, to);
            return new HistoryPeriod(from.minusMonths(months), from, period.zone());
        }
        long days = ChronoUnit.DAYS.between(from, to);
        return new HistoryPeriod(from.minusDays(days), from, period.zone());
    }
}
