package dev.earshot.charts;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Minutes per local day, GitHub-contribution style: weeks as columns (Monday first), Monday..Sunday as rows,
 * each day one cell with its own tooltip, in five shades with a "Less … More" legend. Days are calendar days,
 * so a day of 23 or 25 hours (a DST change) is one cell like any other. A year is 53 columns.
 */
public final class CalendarHeatmap {

    static final List<String> HEADINGS = List.of("Day", "Minutes");

    static final double CELL = 11;
    static final double STEP = 13;
    static final double LEFT = 30;
    static final double TOP = 18;
    static final double LEGEND = 26;
    static final double SMALL = 10;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);
    /** Every other weekday is labelled, as on GitHub: rows 0, 2 and 4. */
    private static final String[] WEEKDAY_LABELS = {"Mon", null, "Wed", null, "Fri", null, null};

    private CalendarHeatmap() {}

    /**
     * A heatmap of the days [{@code from}, {@code toExclusive}); days missing from {@code minutesPerDay} had no
     * listening, days outside the range are ignored. The table lists the days with listening.
     */
    public static Chart of(
            String id, String title, LocalDate from, LocalDate toExclusive, Map<LocalDate, Long> minutesPerDay) {
        Chart.requireId(id);
        if (!from.isBefore(toExclusive)) {
            throw new IllegalArgumentException("A heatmap needs from before toExclusive: " + from + ", " + toExclusive);
        }
        LocalDate last = toExclusive.minusDays(1);
        long max = 0;
        long total = 0;
        int listeningDays = 0;
        LocalDate busiest = null;
        List<List<String>> rows = new ArrayList<>();
        for (LocalDate day = from; day.isBefore(toExclusive); day = day.plusDays(1)) {
            long minutes = minutes(minutesPerDay, day);
            if (minutes > 0) {
                listeningDays++;
                total += minutes;
                rows.add(List.of(DAY.format(day), Counts.number(minutes)));
                if (minutes > max) {
                    max = minutes;
                    busiest = day;
                }
            }
        }
        String span = DAY.format(from) + " to " + DAY.format(last);
        if (listeningDays == 0) {
            return EmptyChart.of(
                    id, "chart-heatmap", title, "Minutes listened per day from " + span + ": none.", HEADINGS);
        }
        String description = "Minutes listened per day from " + span + ": "
                + Counts.of(total, "minute", "minutes") + " on " + Counts.of(listeningDays, "day", "days")
                + ", most on " + DAY.format(busiest) + " (" + Counts.of(max, "minute", "minutes")
                + "). Darker cells are more minutes.";

        LocalDate firstMonday = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        int columns = (int) (ChronoUnit.DAYS.between(firstMonday, last) / 7) + 1;
        double gridWidth = columns * STEP;
        int width = (int) Math.ceil(LEFT + Math.max(gridWidth, Levels.legendWidth()) + 2);
        int height = (int) Math.ceil(TOP + 7 * STEP + LEGEND);
        Svg svg = new Svg(id, "chart-heatmap", width, height, title, description);

        boolean severalYears = from.getYear() != last.getYear();
        double lastMonthLabelEnd = -1;
        for (int column = 0; column < columns; column++) {
            LocalDate monday = firstMonday.plusWeeks(column);
            LocalDate labelDay = firstMonthDayIn(monday, from, last);
            if (labelDay != null) {
                double x = LEFT + column * STEP;
                String label = (severalYears && (labelDay.getMonthValue() == 1 || column == 0))
                        ? MONTH_YEAR.format(labelDay)
                        : MONTH.format(labelDay);
                if (x >= lastMonthLabelEnd) {
                    svg.text("chart-small", x, TOP - 6, label, 3 * STEP * 2, SMALL);
                    lastMonthLabelEnd = x + label.length() * SMALL * 0.62 + 4;
                }
            }
        }
        for (int row = 0; row < WEEKDAY_LABELS.length; row++) {
            if (WEEKDAY_LABELS[row] != null) {
                svg.text(
                        "chart-small chart-end",
                        LEFT - 4,
                        TOP + row * STEP + CELL - 2,
                        WEEKDAY_LABELS[row],
                        LEFT,
                        SMALL);
            }
        }
        for (LocalDate day = from; day.isBefore(toExclusive); day = day.plusDays(1)) {
            long minutes = minutes(minutesPerDay, day);
            int column = (int) (ChronoUnit.DAYS.between(firstMonday, day) / 7);
            int row = day.getDayOfWeek().getValue() - 1;
            svg.rect(
                    "level-" + Levels.of(minutes, max),
                    LEFT + column * STEP,
                    TOP + row * STEP,
                    CELL,
                    CELL,
                    DAY.format(day) + ": " + Counts.of(minutes, "minute", "minutes"));
        }
        Levels.legend(svg, width - Levels.legendWidth() - 2, TOP + 7 * STEP + 8, max, "minute", "minutes");
        return new Chart(id, title, description, svg.end(), new Table(HEADINGS, rows));
    }

    /** The first day of a month within the week starting {@code monday} and within the range, or the range's start. */
    private static LocalDate firstMonthDayIn(LocalDate monday, LocalDate from, LocalDate last) {
        for (int offset = 0; offset < 7; offset++) {
            LocalDate day = monday.plusDays(offset);
            if (day.isBefore(from) || day.isAfter(last)) {
                continue;
            }
            if (day.getDayOfMonth() == 1 || day.equals(from)) {
                return day;
            }
        }
        return null;
    }

    private static long minutes(Map<LocalDate, Long> minutesPerDay, LocalDate day) {
        Long minutes = minutesPerDay.get(day);
        if (minutes == null) {
            return 0;
        }
        if (minutes < 0) {
            throw new IllegalArgumentException("Minutes are never negative: " + day + " " + minutes);
        }
        return minutes;
    }
}
