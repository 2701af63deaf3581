package dev.earshot.figures;

import java.time.Instant;
import java.util.Objects;

/**
 * One track, artist or album of a listener added up over some time: plays (streams of 30 s or more), listening
 * time (every stream) and the first and last play in that time. Tracks are told apart by artist and name, albums
 * by artist and album name; an artist's own line has a null {@code artist}.
 *
 * @param firstPlay the first play (30 s or more) in the time added up, or null when there was none
 * @param lastPlay the last play in the time added up, or null when there was none
 */
public record EntityTotal(
        EntityKind kind, String artist, String name, long plays, long msPlayed, Instant firstPlay, Instant lastPlay) {

    public EntityTotal {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    /** What tells this line apart from others of its kind. */
    public Key key() {
        return new Key(kind, artist, name);
    }

    /** The two added up: the same track (or artist, or album) over two stretches of time. */
    public EntityTotal plus(EntityTotal other) {
        return new EntityTotal(
                kind,
                artist,
                name,
                plays + other.plays,
                msPlayed + other.msPlayed,
                earlier(firstPlay, other.firstPlay),
                later(lastPlay, other.lastPlay));
    }

    /**
     * This total without {@code part}, a stretch of time it includes at one of its ends. First and last play
     * then may be too wide; the caller that subtracts an edge knows the exact ones only from raw plays, and
     * figures use them only from totals that were never subtracted from.
     */
    public EntityTotal minus(EntityTotal part) {
        return new EntityTotal(kind, artist, name, plays - part.plays, msPlayed - part.msPlayed, firstPlay, lastPlay);
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    /** A track, artist or album as one thing, whatever time it is added up over. */
    public record Key(EntityKind kind, String artist, String name) {}
}
