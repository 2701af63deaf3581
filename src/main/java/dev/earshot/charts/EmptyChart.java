package dev.earshot.charts;

import java.util.List;

/** The chart drawn when there is nothing to draw: a box that says "No plays" rather than an empty one. */
final class EmptyChart {

    static final String NO_PLAYS = "No plays";

    private static final int WIDTH = 480;
    private static final int HEIGHT = 64;

    private EmptyChart() {}

    static Chart of(String id, String kind, String title, String description, List<String> headings) {
        Svg svg = new Svg(id, kind + " chart-empty", WIDTH, HEIGHT, title, description);
        svg.rect("chart-empty-box", 1, 1, WIDTH - 2, HEIGHT - 2, null);
        svg.text("chart-empty-text", WIDTH / 2.0, HEIGHT / 2.0 + 5, NO_PLAYS, WIDTH - 20, 13);
        return new Chart(id, title, description, svg.end(), new Table(headings, List.of()));
    }
}
