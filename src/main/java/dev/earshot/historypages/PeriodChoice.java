package dev.earshot.historypages;

import dev.earshot.history.BadHistoryQuery;
import dev.earshot.history.HistoryPeriod;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The period a history page shows, as its query asks: {@code period=week|month|year|all}, {@code year=2025}, or
 * {@code from=YYYY-MM-DD} with {@code to} (the first day not counted, as {@link HistoryPeriod} has it) or
 * {@code until} (the last day counted, what the page's date form sends). None of them: this year.
 *
 * @param key what the picker marks as chosen: week, month, year, all, a year such as 2025, or custom
 * @param label the period in words ("2025", "November 2026", "3 Nov – 9 Nov 2026", "All time")
 */
public record PeriodChoice(HistoryPeriod period, String key, String label) {

    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    /** The chosen period in {@code zone} (a name, checked here), {@code today} being the viewer's local date. */
    public static PeriodChoice parse(
            String period, String year, String from, String to, String until, String zone, LocalDate today) {
        ZoneId zoneId = HistoryPeriod.parse(null, null, zone).zone();
        boolean named = period != null && !period.isEmpty();
        boolean aYear = year != null && !year.isEmpty();
        boolean dates = isGiven(from) || isGiven(to) || isGiven(until);
        if ((named ? 1 : 0) + (aYear ? 1 : 0) + (dates ? 1 : 0) > 1) {
            throw new BadHistoryQuery("Choose one period: 'period', 'year', or 'from' and 'to', not several.");
        }
        if (aYear) {
            if (!YEAR.matcher(year).matches()) {
                throw new BadHistoryQuery("'year' must be a year written with four digits, such as 2025.");
            }
            int y = Integer.parseInt(year);
            return new PeriodChoice(
                    new HistoryPeriod(LocalDate.of(y, 1, 1), LocalDate.of(y + 1, 1, 1), zoneId), year, year);
        }
        if (dates) {
            return custom(from, to, until, zone, zoneId);
        }
        String chosen = named ? period : "year";
        return switch (chosen) {
            case "week" -> {
                LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new PeriodChoice(new HistoryPeriod(monday, monday.plusWeeks(1), zoneId), "week", "This week");
            }
            case "month" -> {
                LocalDate first = today.withDayOfMonth(1);
                yield new PeriodChoice(
                        new HistoryPeriod(first, first.plusMonths(1), zoneId), "month", MONTH.format(first));
            }
            case "year" -> {
                LocalDate first = today.withDayOfYear(1);
                yield new PeriodChoice(
                        new HistoryPeriod(first, first.plusYears(1), zoneId), "year", String.valueOf(first.getYear()));
            }
            case "all" -> new PeriodChoice(new HistoryPeriod(null, null, zoneId), "all", "All time");
            default -> throw new BadHistoryQuery("'period' must be week, month, year or all.");
        };
    }

    /** A period given whole (a share link's): named as a year or a month when it is one. */
    public static PeriodChoice of(HistoryPeriod period) {
        LocalDate from = period.from();
        LocalDate to = period.to();
        if (from != null && to != null && from.getDayOfYear() == 1 && to.equals(from.plusYears(1))) {
            return new PeriodChoice(period, String.valueOf(from.getYear()), String.valueOf(from.getYear()));
        }
        if (from != null && to != null && from.getDayOfMonth() == 1 && to.equals(from.plusMonths(1))) {
            return new PeriodChoice(period, "custom", MONTH.format(from));
        }
        return new PeriodChoice(period, "custom", Readable.days(from, to));
    }

    private static PeriodChoice custom(String from, String to, String until, String zone, ZoneId zoneId) {
        if (isGiven(to) && isGiven(until)) {
            throw new BadHistoryQuery("Give 'to' (the first day not counted) or 'until' (the last day), not both.");
        }
        String exclusiveEnd = to;
        if (isGiven(until)) {
            // The form shows the last day counted, as people think of a range; HistoryPeriod wants the day after.
            LocalDate last;
            try {
                last = HistoryPeriod.parse(null, until, zone).to();
            } catch (BadHistoryQuery e) {
                throw new BadHistoryQuery(e.getMessage().replace("'to'", "'until'"));
            }
            exclusiveEnd = last.plusDays(1).toString();
        }
        HistoryPeriod period = HistoryPeriod.parse(from, exclusiveEnd, zone);
        return new PeriodChoice(period, "custom", Readable.days(period.from(), period.to()));
    }

    private static boolean isGiven(String value) {
        return value != null && !value.isEmpty();
    }

    /** The year the recap link and the heatmap go with: the period's first year, or this year when it has none. */
    public int year(LocalDate today) {
        return period.from() == null ? today.getYear() : period.from().getYear();
    }

    /** The last day of the period for the form's inclusive end date, or empty. */
    public String untilValue() {
        return period.to() == null ? "" : period.to().minusDays(1).toString();
    }

    public String fromValue() {
        return period.from() == null ? "" : period.from().toString();
    }
}
