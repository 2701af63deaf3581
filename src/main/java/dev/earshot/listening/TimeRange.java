package dev.earshot.listening;

import java.util.Arrays;

/** Spotify's three windows for top tracks and artists. */
public enum TimeRange {
    SHORT_TERM("short_term", "Last 4 weeks"),
    MEDIUM_TERM("medium_term", "Last 6 months"),
    LONG_TERM("long_term", "Last 12 months");

    /** Spotify's own default. */
    public static final TimeRange DEFAULT = MEDIUM_TERM;

    private final String param;
    private final String label;

    TimeRange(String param, String label) {
        this.param = param;
        this.label = label;
    }

    public String param() {
        return param;
    }

    public String label() {
        return label;
    }

    /** The range named by a query parameter; anything unknown or missing is the default. */
    public static TimeRange fromParam(String value) {
        return Arrays.stream(values())
                .filter(range -> range.param.equals(value))
                .findFirst()
                .orElse(DEFAULT);
    }
}
