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

/** Plays stored before rollups existed get their rollups built once, and forgetting a listener removes them. */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
@Tag("database")
class RollupBackfillTest {

    @Inject
    RollupBackfill backfill;

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

        assertTrue(backfill.backfill() >= 1);
        // Two months and two years of one track, artist and album each (12 rows), all time: 2 tracks, 1 artist, 2
        // albums.
        assertEquals(17, rows("listening_total", listener));
        assertEquals(2, rows("listening_hour", listener));
        backfill.backfill();
        assertEquals(17, rows("listening_total", listener), "built once, not twice");

        eraser.forget(listener);
        assertEquals(0, rows("listening_total", listener));
        assertEquals(0, rows("listening_hour", listener));
        assertEquals(0, rows("listening_rollup", listener));
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
