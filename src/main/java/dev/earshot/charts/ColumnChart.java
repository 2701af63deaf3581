package dev.earshot.charts;

import dev.earshot.web.SvgText;
import java.util.ArrayList;
import java.util.List;

/**
 * Vertical columns in the order given (plays per month...). Labels under the columns are thinned out so they
 * never overlap; values are written above the columns when they fit, else above the tallest one only.
 */
public final class ColumnChart {

    static final List<String> HEADINGS = List.of("Name", "Value");

    static final int WIDTH = 400;
    static final int HEIGHT = 190;
    static final int TOP = 22;
    static final int BASELINE = 160;
    static final int SIDE = 4;
    static final double FONT = 13;
    static final double SMALL = 11;
    /** Room one label under the columns needs, in user units, before the next may start. */
    static final double LABEL_ROOM = 44;
    /** Narrowest column slot that still has room for its own value above it. */
    static final double VALUE_ROOM = 44;

    private ColumnChart() {}

    /** A column chart of {@code columns}; table headings "Name", "Value" (see {@link Chart#withTableHeadings}). */
    public static Chart of(String id, String title, String description, List<Bar> columns) {
        Chart.requireId(id);
        if (columns.isEmpty()) {
            return EmptyChart.of(id, "chart-columns", title, description, HEADINGS);
        }
        long max = columns.stream().mapToLong(Bar::value).max().orElse(0);
        int tallest = 0;
        for (int index = 1; index < columns.size(); index++) {
            if (columns.get(index).value() > columns.get(tallest).value()) {
                tallest = index;
            }
        }
        double slot = (WIDTH - 2.0 * SIDE) / columns.size();
        int labelEvery = (int) Math.ceil(LABEL_ROOM / slot);
        boolean everyValue = slot >= VALUE_ROOM;
        Svg svg = new Svg(id, "chart-columns", WIDTH, HEIGHT, title, description);
        List<List<String>> rows = new ArrayList<>();
        for (int index = 0; index < columns.size(); index++) {
            Bar column = columns.get(index);
            double left = SIDE + index * slot;
            double height = height(column.value(), max);
            double width = Math.max(1, slot * 0.72);
            double x = left + (slot - width) / 2;
            svg.group("chart-column", SvgText.clean(column.label()) + ": " + column.valueText());
            svg.rect("chart-bar", x, BASELINE - height, width, height, null);
            if (everyValue || index == tallest && max > 0) {
                double room = everyValue ? slot - 2 : 2 * LABEL_ROOM;
                double center = Math.min(WIDTH - room / 2, Math.max(room / 2, left + slot / 2));
                svg.text("chart-value chart-middle", center, BASELINE - height - 5, column.valueText(), room, SMALL);
            }
            if (index % labelEvery == 0) {
                double room = Math.min(labelEvery * slot, WIDTH - left) - 4;
                svg.text("chart-axis-label", left + 1, BASELINE + 16, column.label(), room, SMALL);
            }
            svg.endGroup();
            rows.add(List.of(SvgText.whole(column.label()), column.valueText()));
        }
        svg.line("chart-axis", SIDE, BASELINE + 0.5, WIDTH - SIDE, BASELINE + 0.5);
        return new Chart(id, title, description, svg.end(), new Table(HEADINGS, rows));
    }

    /** The column's height: proportional to the tallest, at least a sliver for any value above zero. */
    static double height(long value, long max) {
        if (value <= 0 || max <= 0) {
            return 0;
        }
        return Math.max(1, (double) value / max * (BASELINE - TOP));
    }
}
