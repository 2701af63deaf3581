package dev.earshot.history;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static dev.earshot.history.RecordedListener.track;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.earshot.config.HistoryConfig;
import dev.earshot.database.Database;
import dev.earshot.owner.OwnerAccount;
import dev.earshot.owner.OwnerModeTest;
import dev.earshot.testing.FakeSpotify;
import dev.earshot.testing.InjectSpotify;
import dev.earshot.testing.SettableClock;
import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The owner is recorded with the owner's server-held account (EARSHOT_HISTORY_RECORD_OWNER, on by default), R13. */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
@TestProfile(OwnerModeTest.WithOwnerToken.class)
@Tag("database")
class OwnerRecordingTest {

    @InjectSpotify
    FakeSpotify spotify;

    @Inject
    Recorder recorder;

    @Inject
    RecordingStore store;

    @Inject
    Database database;

    @Inject
    OwnerAccount owner;

    @Inject
    HistoryConfig config;

    private String ownerId;

    @BeforeEach
    void reset() {
        spotify.resetWithSampleListener();
        spotify.stubTokenGrant("owner-access-recorded", null, 3600);
        ownerId = owner.status().userId();
        database.inTransaction(connection -> {
            for (String table : List.of("play", "recording")) {
                try (PreparedStatement delete =
                        connection.prepareStatement("DELETE FROM " + table + " WHERE listener_id = ?")) {
                    delete.setString(1, ownerId);
                    delete.executeUpdate();
                }
            }
            return null;
        });
    }

    @Test
    void r13_theOwnerIsRecordedWithTheOwnersAccount() {
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
        spotify.stubApi(
                FakeSpotify.RECENTLY_PLAYED,
                okJson(RecordedListener.page(List.of(track("o2", base.plusSeconds(300)), track("o1", base)))));
        SettableClock clock = new SettableClock(Instant.now());
        RecorderLease lease =
                new RecorderLease(database, "test-" + UUID.randomUUID(), "holder-owner", Duration.ofSeconds(30));

        recorder.round(lease, clock);
        Recording recording = store.find(ownerId).orElseThrow();
        assertEquals(Recording.Tokens.OWNER, recording.tokens());
        clock.advance(config.pollInterval().plusSeconds(1));
        recorder.round(lease, clock);

        assertEquals(2, recordedPlays(), "the owner's two plays");
        assertEquals(
                base.plusSeconds(300),
                store.find(ownerId).orElseThrow().cursor().orElseThrow());
    }

    private long recordedPlays() {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT COUNT(*) FROM play WHERE listener_id = ? AND source = 'recorded'")) {
                select.setString(1, ownerId);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }
}
