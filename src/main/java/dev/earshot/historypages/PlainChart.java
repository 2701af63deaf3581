package dev.earshot.historypages;

import java.util.List;

/** Until the charts land: a chart's data as a table only, in the shape of the charts package's Chart. */
public record PlainChart(String id, String title, String description, List<String> headings, List<List<String>> rows) {}
