package dev.earshot.charts;

import dev.earshot.web.SvgText;
import java.util.ArrayList;
import java.util.List;

/** Horizontal bars, the longest at full width, each with its value written beside it (top artists, hours...). */
public final class BarChart {

    static final List<String> HEADINGS = List.of("Name", "Value");

    /** Narrow enough that text stays readable when a phone scales the chart down, as wide as a card on a desktop. */
    static final int WIDTH = 400;

    static final int ROW = 26;
    static final int BAR_HEIGHT = 18;
    static final double FONT = 13;
    static final int LABEL_WIDTH = 124;
    static final int BAR_X = 132;
    static final int BAR_MAX_WIDTH = 186;
    static final int VALUE_GAP = 6;

    private BarChart() {}

    /**
     * A bar chart of {@code bars} in the order given. Labels are cut with "…" in the picture and kept whole in
     * each bar's tooltip and in the table (headings "Name", "Value": see {@link Chart#withTableHeadings}).
     */
    public static Chart of(String id, String title, String description, List<Bar> bars) {
        Chart.requireId(id);
        if (bars.isEmpty()) {
            return EmptyChart.of(id, "chart-bars", title, description, HEADINGS);
        }
        long max = bars.stream().mapToLong(Bar::value).max().orElse(0);
        Svg svg = new Svg(id, "chart-bars", WIDTH, bars.size() * ROW + 4, title, description);
        List<List<String>> rows = new ArrayList<>();
        for (int index = 0; index < bars.size(); index++) {
            Bar bar = bars.get(index);
            double top = 2 + index * ROW + (ROW - BAR_HEIGHT) / 2.0;
            double baseline = top + BAR_HEIGHT / 2.0 + FONT * 0.35;
            double width = length(bar.value(), max);
            svg.group("chart-row", SvgText.clean(bar.label()) + ": " + bar.valueText());
            svg.text("chart-label", LABEL_WIDTH, baseline, bar.label(), LABEL_WIDTH - 4, FONT);
            svg.rect("chart-bar", BAR_X, top, width, BAR_HEIGHT, null);
            double valueX = BAR_X + width + VALUE_GAP;
            svg.text("chart-value", valueX, baseline, bar.valueText(), WIDTH - valueX, FONT);
            svg.endGroup();
            rows.add(List.of(SvgText.whole(bar.label()), bar.valueText()));
        }
        return new Chart(id, title, description, svg.end(), new Table(HEADINGS, rows));
    }

    /** The bar's length: proportional to the longest, and at least a sliver for any value above zero. */
    static double length(long value, long max) {
        if (value <= 0 || max <= 0) {
            return 0;
        }
        return Math.max(1, (double) value / max * BAR_MAX_WIDTH);
    }
}
