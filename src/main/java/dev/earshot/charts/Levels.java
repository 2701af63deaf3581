package dev.earshot.charts;

/**
 * Five shades for heatmap and clock cells: level 0 is nothing, levels 1..4 split (0, max] into quarters, so the
 * busiest cell is always level 4. Each level is a class ({@code level-0..4}) coloured in earshot.css.
 */
final class Levels {

    static final int COUNT = 5;

    private static final double CELL = 11;
    private static final double STEP = 13;

    private Levels() {}

    /** The level of {@code value} when the busiest cell holds {@code max}: ceil(4 × value / max), 0 for none. */
    static int of(long value, long max) {
        if (value <= 0 || max <= 0) {
            return 0;
        }
        if (value >= max) {
            return 4;
        }
        // value < max here, so 4 × value cannot overflow for any real count of minutes or plays.
        return (int) Math.max(1, Math.min(4, (4 * value + max - 1) / max));
    }

    /** The smallest value of {@code level} (1..4) when the busiest cell holds {@code max}. */
    static long lowest(int level, long max) {
        return (level - 1) * max / 4 + 1;
    }

    /** The largest value of {@code level} (1..4) when the busiest cell holds {@code max}. */
    static long highest(int level, long max) {
        return level * max / 4;
    }

    /** Width of the legend drawn by {@link #legend}. */
    static double legendWidth() {
        return 34 + COUNT * STEP + 34;
    }

    /** "Less ▢▢▢▢▢ More" starting at {@code x}, each swatch titled with the values it stands for. */
    static void legend(Svg svg, double x, double y, long max, String one, String many) {
        svg.text("chart-small", x, y + 9, "Less", 32, 10);
        for (int level = 0; level < COUNT; level++) {
            svg.rect(
                    "level-" + level + " chart-swatch",
                    x + 34 + level * STEP,
                    y,
                    CELL,
                    CELL,
                    swatchTitle(level, max, one, many));
        }
        svg.text("chart-small", x + 34 + COUNT * STEP + 3, y + 9, "More", 32, 10);
    }

    private static String swatchTitle(int level, long max, String one, String many) {
        if (level == 0) {
            return "No " + many;
        }
        long lowest = lowest(level, max);
        long highest = highest(level, max);
        if (lowest > highest) {
            return "Not used";
        }
        if (lowest == highest) {
            return Counts.of(lowest, one, many);
        }
        return Counts.number(lowest) + "\u2013" + Counts.of(highest, one, many);
    }
}
