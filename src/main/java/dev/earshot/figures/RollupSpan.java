package dev.earshot.figures;

import dev.earshot.history.Rollups;
import java.time.YearMonth;

/** One set of rollup lines that covers a stretch of months on its own: a month, a year, or all time. */
record RollupSpan(String span, int key) {

    private static final YearMonth FIRST_MONTH = YearMonth.of(1900, 1);
    private static final YearMonth LAST_MONTH = YearMonth.of(9999, 1);

    /** The one span that is exactly the months [first, last), or null when it takes several. */
    static RollupSpan covering(YearMonth first, YearMonth last) {
        if (first.equals(FIRST_MONTH) && last.equals(LAST_MONTH)) {
            return new RollupSpan("all", 0);
        }
        if (first.plusMonths(1).equals(last)) {
            return new RollupSpan("month", Rollups.monthKey(first));
        }
        if (first.getMonthValue() == 1 && first.plusYears(1).equals(last)) {
            return new RollupSpan("year", first.getYear());
        }
        return null;
    }
}
