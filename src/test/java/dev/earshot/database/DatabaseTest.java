package dev.earshot.database;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.earshot.testing.TestDatabase;
import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The database the run is configured with (embedded, or PostgreSQL in the postgresql run) is migrated and usable. */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
@Tag("database")
class DatabaseTest {

    @Inject
    Database database;

    @Test
    void theConfiguredDatabaseIsTheOneInUse() {
        assertEquals(TestDatabase.postgresql(), database.isPostgreSQL());
    }

    @Test
    void theSchemaIsMigratedAndATimestampComesBackAsTheSameInstant() {
        String listener = "db-test-" + UUID.randomUUID();
        Instant endedAt = Instant.parse("2024-03-31T01:30:05Z");
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO play (listener_id, ended_at, ms_played, kind, uri, name, artist, album, source, stream_key)"
                            + " VALUES (?, ?, 1000, 'track', 'spotify:track:x', 'n', 'a', 'al', 'extended', 'k')")) {
                insert.setString(1, listener);
                insert.setObject(2, OffsetDateTime.ofInstant(endedAt, ZoneOffset.UTC));
                return insert.executeUpdate();
            }
        });
        Instant read = database.inTransaction(connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT ended_at FROM play WHERE listener_id = ?")) {
                select.setString(1, listener);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getObject(1, OffsetDateTime.class).toInstant();
                }
            }
        });
        assertEquals(endedAt, read);
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() {
        String listener = "db-test-" + UUID.randomUUID();
        assertThrows(
                DatabaseException.class,
                () -> database.inTransaction(connection -> {
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO play (listener_id, ended_at, ms_played, kind, name, source, stream_key)"
                                    + " VALUES (?, CURRENT_TIMESTAMP, 1, 'track', 'n', 'extended', 'same')")) {
                        insert.setString(1, listener);
                        insert.executeUpdate();
                        insert.executeUpdate(); // the unique key refuses the second row: the first goes too
                    }
                    return null;
                }));
        long left = database.inTransaction(connection -> {
            try (PreparedStatement count =
                    connection.prepareStatement("SELECT COUNT(*) FROM play WHERE listener_id = ?")) {
                count.setString(1, listener);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
        assertEquals(0, left);
    }

    @Test
    void readinessIncludesTheDatabaseAndSaysOnlyUpOrDown() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'database' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'database' }.data", equalTo(null));
    }
}
