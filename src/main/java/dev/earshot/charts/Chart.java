package dev.earshot.charts;

import io.quarkus.qute.TemplateData;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An SVG chart and the same data as a table ("show as table"). {@code svg} is complete, escaped {@code <svg>}
 * markup with {@code role="img"} and {@code aria-labelledby} pointing at its own {@code <title>} and {@code
 * <desc>}: safe to insert raw. Render it with the {@code {#chart chart=... /}} tag.
 */
@TemplateData
public record Chart(String id, String title, String description, String svg, Table table) {

    /** Ids come from code and end up in attributes and fragment links: letters, digits, '-' and '_' only. */
    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");

    public Chart {
        requireId(id);
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(svg, "svg");
        Objects.requireNonNull(table, "table");
    }

    /** The same chart with other column headings for its table, e.g. {@code ("Artist", "Plays")}. */
    public Chart withTableHeadings(String... headings) {
        return new Chart(id, title, description, svg, new Table(List.of(headings), table.rows()));
    }

    /** Whether the chart has nothing to show (its SVG then says "No plays"). */
    public boolean empty() {
        return table.rows().isEmpty();
    }

    static String requireId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("A chart id is a letter then letters, digits, - or _: " + id);
        }
        return id;
    }
}
