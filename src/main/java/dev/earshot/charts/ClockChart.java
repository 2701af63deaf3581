package dev.earshot.charts;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The listening clock: 7 rows (Monday first) × 24 hour columns, each cell shaded by plays in five levels with a
 * "Less … More" legend, hours labelled every 3 h. The table has one row per weekday and one column per hour.
 */
public final class ClockChart {

    static final int DAYS = 7;
    static final int HOURS = 24;

    static final double CELL = 16;
    static final double STEP = 18;
    static final double LEFT = 38;
    static final double TOP = 18;
    static final double LEGEND = 26;
    static final double FONT = 11;

    private ClockChart() {}

    /**
     * A clock of {@code playsMondayFirst168}: index {@code day × 24 + hour}, day 0 Monday, hours in the viewer's
     * zone. Exactly 168 non-negative counts.
     */
    public static Chart of(String id, String title, String description, List<Long> playsMondayFirst168) {
        Chart.requireId(id);
        if (playsMondayFirst168.size() != DAYS * HOURS) {
            throw new IllegalArgumentException("A clock has 168 cells, not " + playsMondayFirst168.size());
        }
        long max = 0;
        for (Long plays : playsMondayFirst168) {
            if (plays == null || plays < 0) {
                throw new IllegalArgumentException("Plays are never negative or missing: " + plays);
            }
            max = Math.max(max, plays);
        }
        List<String> headings = headings();
        if (max == 0) {
            return EmptyChart.of(id, "chart-clock", title, description, headings);
        }
        int width = (int) Math.ceil(LEFT + HOURS * STEP + 2);
        int height = (int) Math.ceil(TOP + DAYS * STEP + LEGEND);
        Svg svg = new Svg(id, "chart-clock", width, height, title, description);
        for (int hour = 0; hour < HOURS; hour += 3) {
            svg.text("chart-small", LEFT + hour * STEP, TOP - 6, hour(hour), 3 * STEP, FONT);
        }
        List<List<String>> rows = new ArrayList<>();
        for (int day = 0; day < DAYS; day++) {
            DayOfWeek weekday = DayOfWeek.of(day + 1);
            String shortName = weekday.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            svg.text("chart-small chart-end", LEFT - 5, TOP + day * STEP + CELL - 4, shortName, LEFT, FONT);
            List<String> row = new ArrayList<>(HOURS + 1);
            row.add(weekday.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
            for (int hour = 0; hour < HOURS; hour++) {
                long plays = playsMondayFirst168.get(day * HOURS + hour);
                svg.rect(
                        "level-" + Levels.of(plays, max),
                        LEFT + hour * STEP,
                        TOP + day * STEP,
                        CELL,
                        CELL,
                        shortName + " " + hour(hour) + "\u2013" + hour((hour + 1) % HOURS) + ": "
                                + Counts.of(plays, "play", "plays"));
                row.add(Counts.number(plays));
            }
            rows.add(row);
        }
        Levels.legend(svg, width - Levels.legendWidth() - 2, TOP + DAYS * STEP + 8, max, "play", "plays");
        return new Chart(id, title, description, svg.end(), new Table(headings, rows));
    }

    private static List<String> headings() {
        List<String> headings = new ArrayList<>(HOURS + 1);
        headings.add("Day");
        for (int hour = 0; hour < HOURS; hour++) {
            headings.add(String.format(Locale.ROOT, "%02d", hour));
        }
        return headings;
    }

    private static String hour(int hour) {
        return String.format(Locale.ROOT, "%02d:00", hour);
    }
}
