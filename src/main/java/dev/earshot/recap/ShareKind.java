package dev.earshot.recap;

import java.util.Locale;
import java.util.Optional;

/** What a share link shows: a recap, or the listener's history page. */
public enum ShareKind {
    RECAP("recap"),
    HISTORY("history");

    /** The value in forms, JSON and the {@code kind} column. */
    public final String column;

    ShareKind(String column) {
        this.column = column;
    }

    public static Optional<ShareKind> parse(String value) {
        for (ShareKind kind : values()) {
            if (kind.column.equals(value == null ? null : value.toLowerCase(Locale.ROOT))) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
