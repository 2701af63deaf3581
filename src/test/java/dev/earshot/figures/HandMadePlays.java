package dev.earshot.figures;

import dev.earshot.history.PlayRow;
import dev.earshot.history.StoredPlays;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One listener's hand-made plays for the figures' tests, put in with {@link StoredPlays} as the importer stores them. */
final class HandMadePlays {

    /** A minute: every play of these tests lasts this long unless it says otherwise. */
    static final long MINUTE = 60_000;

    final String listener = "figures-" + UUID.randomUUID();
    private final List<PlayRow> rows = new ArrayList<>();

    /** A stream of {@code track} by {@code artist} on the album "Album of {track}", ending at {@code endedAt}. */
    HandMadePlays play(String endedAt, long msPlayed, String track, String artist) {
        return play(endedAt, msPlayed, track, artist, "Album of " + track);
    }

    HandMadePlays play(String endedAt, long msPlayed, String track, String artist, String album) {
        rows.add(new PlayRow(
                Instant.parse(endedAt),
                msPlayed,
                PlayRow.Kind.TRACK,
                "spotify:track:" + Integer.toHexString((artist + "|" + track).hashCode()),
                track,
                artist,
                album,
                PlayRow.Source.EXTENDED));
        return this;
    }

    /** {@code count} plays of a minute each, one a day at {@code time} from {@code firstDay} on. */
    HandMadePlays daily(String firstDay, String time, int count, String track, String artist) {
        java.time.LocalDate day = java.time.LocalDate.parse(firstDay);
        for (int i = 0; i < count; i++) {
            play(day.plusDays(i) + "T" + time + "Z", MINUTE, track, artist);
        }
        return this;
    }

    /** {@code count} plays of a minute each, a minute apart, from {@code endedAt} on. */
    HandMadePlays times(int count, String endedAt, String track, String artist) {
        Instant first = Instant.parse(endedAt);
        for (int i = 0; i < count; i++) {
            play(first.plusSeconds(60L * i).toString(), MINUTE, track, artist);
        }
        return this;
    }

    HandMadePlays episode(String endedAt, long msPlayed, String name, String show) {
        rows.add(StoredPlays.episode(endedAt, msPlayed, "spotify:episode:" + name.hashCode(), name, show));
        return this;
    }

    /** Stores the plays; returns the listener's id. */
    String store() {
        if (!rows.isEmpty()) {
            StoredPlays.insert(listener, rows);
            rows.clear();
        }
        return listener;
    }
}
