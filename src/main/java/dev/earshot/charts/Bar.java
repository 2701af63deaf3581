package dev.earshot.charts;

import java.util.Objects;

/** One bar or column: its label, its value, and the value as people read it ("12 plays", "3 h 20 min"). */
public record Bar(String label, long value, String valueText) {

    public Bar {
        label = Objects.requireNonNullElse(label, "");
        Objects.requireNonNull(valueText, "valueText");
        if (value < 0) {
            throw new IllegalArgumentException("A bar's value is never negative: " + value);
        }
    }
}
