package dev.earshot.demo;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Spotify's {@code time_range} values for top tracks and artists. */
enum TopRange {
    SHORT_TERM,
    MEDIUM_TERM,
    LONG_TERM;

    /** Spotify's default when no range is asked for. */
    static final TopRange DEFAULT = MEDIUM_TERM;

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<TopRange> fromWireName(String value) {
        return Arrays.stream(values())
                .filter(range -> range.wireName().equals(value))
                .findFirst();
    }
}
