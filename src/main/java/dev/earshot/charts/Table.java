package dev.earshot.charts;

import io.quarkus.qute.TemplateData;
import java.util.List;

/** A chart's data as rows of text under column headings: the "show as table" alternative. */
@TemplateData
public record Table(List<String> headings, List<List<String>> rows) {

    public Table {
        headings = List.copyOf(headings);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != headings.size()) {
                throw new IllegalArgumentException(
                        "A row has " + row.size() + " cells under " + headings.size() + " headings");
            }
        }
    }
}
