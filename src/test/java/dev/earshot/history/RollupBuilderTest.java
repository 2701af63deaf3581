package dev.earshot.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.database.Database;
import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The builder brings rollups up to date in the background: plays stored before rollups existed get theirs built
 * once, recorded plays are rebuilt after the recorder's round, and forgetting a listener removes them all.
 */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
@Tag("database")
class RollupBuilderTest {

    @Inject
    RollupBuilder builder;

    @Inject
    RecordedPlays recordedPlays;

    @Inject
    ListenerHistoryEraser eraser;

    @Inject
    Database database;

    @Test
    void playsFromBeforeRollupsGetThemOnceAndForgettingRemovesThem() {
        String listener = "backfill-" + UUID.randomUUID();
        StoredPlays.insertWithoutRollups(
                listener,
                List.of(
                        StoredPlays.track("2023-03-01T10:00:00Z", 200_000, "spotify:track:a", "One", "Band"),
                        StoredPlays.track("2024-08-01T10:00:00Z", 200_000, "spotify:track:b", "Two", "Band")));
        assertEquals(0, rows("listening_total", listener));

        assertTrue(builder.markListenersWithoutRollups() >= 1);
        builder.round();
        // Two months and two years of one track, artist and album each (12 rows), all time: 2 tracks, 1 artist, 2
        // albums.
        assertEquals(17, rows("listening_total", listener));
        assertEquals(2, rows("listening_hour", listener));
        assertEquals(0, builder.markListenersWithoutRollups() - builder.markListenersWithoutRollups());
        assertEquals(0, rows("listening_dirty", listener), "marked once, not again");
        assertEquals(17, rows("listening_total", listener));

        eraser.forget(listener);
        assertEquals(0, rows("listening_total", listener));
        assertEquals(0, rows("listening_hour", listener));
        assertEquals(0, rows("listening_rollup", listener));
    }

    @Test
    void recordedPlaysAreMarkedAndRebuiltAfterTheRound() {
        String listener = "builder-" + UUID.randomUUID();
        recordedPlays.storeRecorded(
                listener,
                List.of(new PlayRow(
                        java.time.Instant.parse("2025-04-02T08:00:00Z"),
                        200_000,
                        PlayRow.Kind.TRACK,
                        "spotify:track:r",
                        "Recorded",
                        "Band",
                        "Album",
                        PlayRow.Source.RECORDED)));
        // The recorder's transaction marked the month and woke the builder; this round finishes what is left.
        builder.round();
        assertEquals(0, rows("listening_dirty", listener));
        // The month, the year and all time of one track, one artist and one album.
        assertEquals(9, rows("listening_total", listener));
    }

    private long rows(String table, String listener) {
        return database.inTransaction(connection -> {
            try (PreparedStatement count =
                    connection.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE listener_id = ?")) {
                count.setString(1, listener);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }
}
