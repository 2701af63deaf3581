package dev.earshot.listening;

/** One bar of a taste chart: a label, its count and its share of the largest bar (0–100). */
public record ChartBar(String label, int count, int percent) {}
