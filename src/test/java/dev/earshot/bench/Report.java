package dev.earshot.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's report: the headline table (each figure for the baseline and for Earshot, their ratio, the target
 * and whether it is met), then free sections, written as {@code report.md} and {@code report.json}.
 */
final class Report {

    /**
     * One figure of the headline table. {@code baseline} is NaN where the baseline has no such figure; a target of
     * "—" marks a figure shown for context, with nothing to meet.
     */
    record Figure(String name, String unit, double baseline, double earshot, String target, boolean met) {

        double ratio() {
            return earshot / baseline;
        }
    }

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final ObjectNode root = json.createObjectNode();
    private final ArrayNode figuresJson = root.putArray("figures");
    private final List<Figure> figures = new ArrayList<>();
    private final StringBuilder sections = new StringBuilder();
    private final StringBuilder header = new StringBuilder();

    /** Lines under the title: when, where, with what settings. */
    Report about(String line) {
        header.append(line).append('\n');
        root.withArray("about").add(line);
        return this;
    }

    Report figure(Figure figure) {
        figures.add(figure);
        ObjectNode node = figuresJson
                .addObject()
                .put("name", figure.name())
                .put("unit", figure.unit())
                .put("earshot", figure.earshot())
                .put("target", figure.target());
        if (!figure.target().equals("—")) {
            node.put("met", figure.met());
        }
        if (!Double.isNaN(figure.baseline())) {
            node.put("baseline", figure.baseline()).put("ratio", figure.ratio());
        }
        return this;
    }

    /** A section of its own: a title, Markdown, and what it measured for the JSON. */
    Report section(String key, String title, String markdown, Object data) {
        sections.append("\n## ")
                .append(title)
                .append("\n\n")
                .append(markdown.strip())
                .append('\n');
        root.set(key, json.valueToTree(data));
        return this;
    }

    String markdown() {
        StringBuilder md =
                new StringBuilder("# Earshot benchmark\n\n").append(header).append('\n');
        md.append("| figure | baseline (seed design) | Earshot | Earshot ÷ baseline | target | met |\n");
        md.append("|---|---|---|---|---|---|\n");
        for (Figure f : figures) {
            md.append("| ")
                    .append(f.name())
                    .append(" | ")
                    .append(Double.isNaN(f.baseline()) ? "—" : format(f.baseline(), f.unit()))
                    .append(" | ")
                    .append(format(f.earshot(), f.unit()))
                    .append(" | ")
                    .append(Double.isNaN(f.baseline()) || f.baseline() == 0 ? "—" : String.format("%.2fx", f.ratio()))
                    .append(" | ")
                    .append(f.target())
                    .append(" | ")
                    .append(f.target().equals("—") ? "—" : f.met() ? "yes" : "**no**")
                    .append(" |\n");
        }
        return md.append(sections).toString();
    }

    void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("report.md"), markdown());
        Files.writeString(directory.resolve("report.json"), json.writeValueAsString(root) + "\n");
    }

    static String format(double value, String unit) {
        String number = Math.abs(value) >= 100 || value == Math.rint(value)
                ? String.format("%,.0f", value)
                : Math.abs(value) >= 1 ? String.format("%.2f", value) : String.format("%.3f", value);
        return unit.isEmpty() ? number : number + " " + unit;
    }
}
