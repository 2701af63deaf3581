package dev.earshot.history;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One stream of one listener as the database keeps it, whatever it came from: recorded from Spotify's
 * recently-played, seen in the now-playing feed (episodes), or imported from the data export. Names are
 * cut to {@link #MAX_NAME_CODE_POINTS} code points (never inside a surrogate pair).
 *
 * @param endedAt when the stream ended (UTC)
 * @param msPlayed how long it was listened to; a play from {@link #PLAY_THRESHOLD_MS} on
 * @param uri {@code spotify:track:…} or {@code spotify:episode:…}; null for Account-data rows, which have none
 * @param artist the artist, or the show of an episode; may be null
 * @param album may be null
 */
public record PlayRow(
        Instant endedAt,
        long msPlayed,
        Kind kind,
        String uri,
        String name,
        String artist,
        String album,
        Source source) {

    /** Spotify counts a stream as a play from 30 seconds on; so does Earshot. */
    public static final long PLAY_THRESHOLD_MS = 30_000;

    public static final int MAX_NAME_CODE_POINTS = 1000;

    /**
     * A recorded play and an imported stream of the same track are the same stream when their ends lie this
     * close: Spotify's {@code played_at} and the export's {@code ts} both mark the end, but not to the same millisecond.
     */
    public static final Duration TWIN_WINDOW = Duration.ofSeconds(10);

    /** What was streamed. */
    public enum Kind {
        TRACK("track"),
        EPISODE("episode");

        public final String column;

        Kind(String column) {
            this.column = column;
        }
    }

    /** Where a row came from; decides how it is recognised again (see {@link #streamKey()}). */
    public enum Source {
        /** Spotify's recently-played, polled by the recorder. */
        RECORDED("recorded"),
        /** An episode seen in the now-playing feed (recently-played has no episodes). */
        NOW_PLAYING("now-playing"),
        /** Extended streaming history of the data export. */
        EXTENDED("extended"),
        /** Account data of the data export (last year, minute precision, no URIs). */
        ACCOUNT("account");

        public final String column;

        Source(String column) {
            this.column = column;
        }
    }

    public PlayRow {
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        name = cut(Objects.requireNonNull(name, "name"));
        artist = cut(artist);
        album = cut(album);
    }

    /** True when this stream counts as a play (30 s or more). */
    public boolean isPlay() {
        return msPlayed >= PLAY_THRESHOLD_MS;
    }

    /**
     * The unique key of this stream for its listener (the {@code play_once} constraint), so the same stream
     * is stored once however often it is recorded or imported: for the export's Extended rows the end to the
     * second, the URI and ms played (the rule); for recorded plays Spotify's {@code played_at} and the
     * track; for Account data the end minute, ms played and the names (it has no URI). Twins across sources
     * (an Account row and an Extended row, a recorded play and an imported one) are matched by {@code PlayStore}.
     */
    public String streamKey() {
        return switch (source) {
            case EXTENDED -> "x|" + endedAt.getEpochSecond() + "|" + uri + "|" + msPlayed;
            case RECORDED -> "r|" + endedAt.toEpochMilli() + "|" + uri;
            // One continuous listening of an episode is one row, moved on at each sighting: its key is the minute
            // it started (end minus progress), which its later sightings share.
            case NOW_PLAYING -> "n|" + endedAt.minusMillis(msPlayed).getEpochSecond() / 60 + "|" + uri;
            case ACCOUNT ->
                "a|" + endedAt.getEpochSecond() / 60 + "|" + msPlayed + "|" + NameDigest.of(kind.column, artist, name);
        };
    }

    private static String cut(String text) {
        if (text == null || text.codePointCount(0, text.length()) <= MAX_NAME_CODE_POINTS) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_NAME_CODE_POINTS));
    }
}
