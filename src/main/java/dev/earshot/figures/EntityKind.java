package dev.earshot.figures;

/** What a ranked line is about: a track (artist and name), an artist, or an album (artist and album name). */
public enum EntityKind {
    TRACK("track"),
    ARTIST("artist"),
    ALBUM("album");

    /** How the rollup tables spell it. */
    public final String column;

    EntityKind(String column) {
        this.column = column;
    }

    static EntityKind ofColumn(String column) {
        for (EntityKind kind : values()) {
            if (kind.column.equals(column)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown entity kind " + column);
    }
}
