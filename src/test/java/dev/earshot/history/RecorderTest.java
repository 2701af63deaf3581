package dev.earshot.history;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dev.earshot.history.RecordedListener.track;
import static dev.earshot.testing.CookieNames.SESSION;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.auth.HeldTokens;
import dev.earshot.auth.Session;
import dev.earshot.config.HistoryConfig;
import dev.earshot.database.Database;
import dev.earshot.database.SqlTime;
import dev.earshot.listening.RecentPlays;
import dev.earshot.owner.OwnerAccount;
import dev.earshot.spotify.SpotifyQuietPeriod;
import dev.earshot.testing.FakeSpotify;
import dev.earshot.testing.InjectSpotify;
import dev.earshot.testing.Sessions;
import dev.earshot.testing.SettableClock;
import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The recorder against the real database and a fake Spotify (R13): plays stored once, the cursor kept in the
 * database, one lease holder polling, a paused listener on invalid_grant, the quiet period after a 429 (R11), and
 * listeners spread over the interval. Rounds are driven by hand with a settable clock and leases of the test's own.
 */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
@Tag("database")
class RecorderTest {

    @InjectSpotify
    FakeSpotify spotify;

    @Inject
    Recorder recorder;

    @Inject
    Recordings recordings;

    @Inject
    RecordingStore store;

    @Inject
    Database database;

    @Inject
    RollupBuilder rollupBuilder;

    @Inject
    HeldTokens heldTokens;

    @Inject
    HistoryConfig config;

    @Inject
    RecentPlays recentPlays;

    @Inject
    OwnerAccount owner;

    @Inject
    SpotifyQuietPeriod quiet;

    private final List<RecordedListener> listeners = new ArrayList<>();
    private SettableClock clock;
    private Duration interval;
    private RecorderLease lease;

    @BeforeEach
    void reset() {
        spotify.resetWithSampleListener();
        clock = new SettableClock(Instant.now());
        interval = config.pollInterval();
        lease = new RecorderLease(database, "test-" + UUID.randomUUID(), "holder-test", Duration.ofSeconds(30));
    }

    @AfterEach
    void optOut() {
        FakeSpotify.endQuietPeriod();
        listeners.forEach(listener -> recordings.optOut(listener.id));
    }

    private RecordedListener optedIn() {
        RecordedListener listener = new RecordedListener(spotify);
        listeners.add(listener);
        recordings.optIn(listener.session(Instant.now().minus(Duration.ofHours(1))));
        return listener;
    }

    /** Past every opted-in listener's first slot (each lies within one interval of opting in). */
    private void afterOneInterval() {
        clock.advance(interval.plusSeconds(1));
    }

    @Test
    void r13_eachPlayIsStoredOnceAcrossRepeatedPollsAndOverlappingPages() {
        RecordedListener listener = optedIn();
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
        var first = track("t1", base.plusSeconds(10));
        var second = track("t2", base.plusSeconds(250));
        var third = track("t3", base.plusMillis(480_123));
        listener.hasPlayed(third, second, first);
        afterOneInterval();
        recorder.round(lease, clock);
        assertEquals(3, listener.rows(database, PlayRow.Source.RECORDED));

        // The fake ignores the cursor: the next page overlaps the first completely, plus one new play.
        var fourth = track("t4", base.plusSeconds(700));
        listener.hasPlayed(fourth, third, second, first);
        afterOneInterval();
        recorder.round(lease, clock);
        afterOneInterval();
        recorder.round(lease, clock);

        assertEquals(3, listener.recentlyPlayedCalls(), "one call per interval");
        assertEquals(4, listener.rows(database, PlayRow.Source.RECORDED), "each play once");
        assertEquals(
                1, listener.recentlyPlayedCallsAfter(third.playedAt()), "the second poll asked only for newer plays");
        assertEquals(1, listener.recentlyPlayedCallsAfter(fourth.playedAt()));
        Recording recording = store.find(listener.id).orElseThrow();
        assertEquals(fourth.playedAt(), recording.cursor().orElseThrow());
        assertEquals(fourth.playedAt(), recording.lastRecordedAt().orElseThrow());
    }

    @Test
    void r13_theCursorLivesInTheDatabaseSoARestartedRecorderCarriesOnWithoutDuplicates() {
        RecordedListener listener = optedIn();
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
        var first = track("r1", base);
        var second = track("r2", base.plusSeconds(200));
        listener.hasPlayed(second, first);
        afterOneInterval();
        recorder.round(lease, clock);
        assertEquals(2, listener.rows(database, PlayRow.Source.RECORDED));

        // A new process: fresh objects that know nothing but what the database holds, and a lease holder of its own.
        Recorder restarted = new Recorder(
                new RecordingStore(database),
                new RecordedPlays(database, rollupBuilder),
                recentPlays,
                heldTokens,
                owner,
                quiet,
                config);
        RecorderLease newLease =
                new RecorderLease(database, "test-" + UUID.randomUUID(), "holder-new", Duration.ofSeconds(30));
        var third = track("r3", base.plusSeconds(400));
        listener.hasPlayed(third, second, first);
        afterOneInterval();
        restarted.round(newLease, clock);

        assertEquals(1, listener.recentlyPlayedCallsAfter(second.playedAt()), "the restarted recorder read the cursor");
        assertEquals(3, listener.rows(database, PlayRow.Source.RECORDED));
    }

    @Test
    void r13_onlyTheLeaseHolderPollsAndAnotherReplicaTakesOverWhenTheHolderStopsRenewing() {
        RecordedListener listener = optedIn();
        listener.hasPlayed(track("l1", Instant.now().minus(Duration.ofMinutes(20))));
        String name = "test-" + UUID.randomUUID();
        Duration length = Duration.ofSeconds(30);
        RecorderLease first = new RecorderLease(database, name, "replica-a", length);
        RecorderLease second = new RecorderLease(database, name, "replica-b", length);
        afterOneInterval();

        assertTrue(recorder.round(first, clock).leaseHeld());
        assertEquals(Recorder.Round.NOT_HOLDER, recorder.round(second, clock));
        clock.advance(Duration.ofSeconds(10));
        assertEquals(Recorder.Round.NOT_HOLDER, recorder.round(second, clock), "the holder's lease still runs");
        assertEquals(1, listener.recentlyPlayedCalls(), "only the holder polled");

        // replica-a dies: it renews no more. Once its lease has expired, replica-b takes over and polls.
        listener.hasPlayed(track("l2", Instant.now().minus(Duration.ofMinutes(5))));
        clock.advance(interval);
        assertTrue(recorder.round(second, clock).leaseHeld());
        assertEquals(2, listener.recentlyPlayedCalls());
        assertEquals(2, listener.rows(database, PlayRow.Source.RECORDED));
        assertEquals(Recorder.Round.NOT_HOLDER, recorder.round(first, clock), "a returning replica-a waits its turn");
    }

    @Test
    void r13_invalidGrantPausesTheListenerWithNoMoreCallsAndTheDashboardSaysSignInAgainUntilTheyDo() {
        RecordedListener listener = optedIn();
        Session before = listener.session(Instant.now().minus(Duration.ofHours(1)));
        listener.hasPlayed(track("p1", Instant.now().minus(Duration.ofMinutes(20))));
        listener.refusesTokens();
        afterOneInterval();
        recorder.round(lease, clock);

        assertEquals(1, listener.tokenCalls());
        assertTrue(store.find(listener.id).orElseThrow().paused());
        afterOneInterval();
        recorder.round(lease, clock);
        afterOneInterval();
        recorder.round(lease, clock);
        assertEquals(1, listener.tokenCalls(), "no further refresh");
        assertEquals(0, listener.recentlyPlayedCalls(), "no further call at all");

        given().cookie(SESSION, Sessions.sealed(before))
                .get("/dashboard")
                .then()
                .statusCode(200)
                .body(containsString("Recording paused — sign in again"));

        // Signing in again (after the pause) and opening the dashboard resumes with the new sign-in's token.
        String newRefresh = "rt-new-" + UUID.randomUUID();
        listener.grantsTokensFor(newRefresh);
        Session again = listener.session(clock.instant().plusSeconds(1), newRefresh);
        given().cookie(SESSION, Sessions.sealed(again))
                .get("/dashboard")
                .then()
                .statusCode(200)
                .body(containsString("Recording resumed"));
        assertFalse(store.find(listener.id).orElseThrow().paused());
        recorder.round(lease, clock);
        assertEquals(1, listener.recentlyPlayedCalls(), "recording carries on");
        assertEquals(1, listener.rows(database, PlayRow.Source.RECORDED));
    }

    @Test
    void r11_r13_afterA429NoRecorderCallIsMadeUntilTheQuietPeriodEnds() {
        RecordedListener limited = optedIn();
        RecordedListener other = optedIn();
        // Slots of the test's choosing: the limited listener comes first, so the 429 stops the round before the other.
        Instant start = clock.instant();
        store.start(limited.id, Recording.Tokens.HELD, start, start.plusSeconds(1));
        store.start(other.id, Recording.Tokens.HELD, start, start.plusSeconds(2));
        limited.answersRecentlyPlayed(aResponse().withStatus(429).withHeader("Retry-After", "120"));
        other.hasPlayed(track("q1", Instant.now().minus(Duration.ofMinutes(20))));
        clock.advance(Duration.ofSeconds(3));
        recorder.round(lease, clock);
        assertEquals(1, limited.recentlyPlayedCalls());
        assertTrue(quiet.remaining().isPresent(), "the 429 started the app-wide quiet period");
        int otherCalls = other.recentlyPlayedCalls();
        assertEquals(0, otherCalls, "the round stopped at the 429");

        for (int round = 0; round < 3; round++) {
            clock.advance(Duration.ofSeconds(30));
            assertTrue(recorder.round(lease, clock).quiet());
        }
        assertEquals(1, limited.recentlyPlayedCalls(), "no retry during the quiet period");
        assertEquals(otherCalls, other.recentlyPlayedCalls(), "nobody is polled during the quiet period");

        FakeSpotify.endQuietPeriod();
        limited.hasPlayed(track("q2", Instant.now().minus(Duration.ofMinutes(3))));
        recorder.round(lease, clock);
        assertEquals(
                2, limited.recentlyPlayedCalls(), "the postponed listener is polled once the quiet period is over");
        assertEquals(1, limited.rows(database, PlayRow.Source.RECORDED));
        assertEquals(1, other.recentlyPlayedCalls(), "the other listener once in all");
    }

    @Test
    void r13_listenersAreSpreadOverTheIntervalNotPolledAllAtOnce() {
        List<RecordedListener> many = new ArrayList<>();
        // Each listener's first slot as the recorder places it, counted from the test clock's start: the next
        // occurrence of the listener's own phase, so one interval from the start polls each exactly once.
        Instant start = clock.instant();
        for (int i = 0; i < 20; i++) {
            RecordedListener listener = optedIn();
            store.start(listener.id, Recording.Tokens.HELD, start, recorder.nextSlot(listener.id, start));
            listener.hasPlayed();
            many.add(listener);
        }
        Map<RecordedListener, Integer> polledInStep = new HashMap<>();
        int steps = 10;
        for (int step = 1; step <= steps; step++) {
            clock.advance(interval.dividedBy(steps));
            recorder.round(lease, clock);
            for (RecordedListener listener : many) {
                if (listener.recentlyPlayedCalls() > 0) {
                    polledInStep.putIfAbsent(listener, step);
                }
            }
        }
        for (RecordedListener listener : many) {
            assertEquals(1, listener.recentlyPlayedCalls(), "each listener once per interval");
        }
        Map<Integer, Integer> perStep = new HashMap<>();
        polledInStep.values().forEach(step -> perStep.merge(step, 1, Integer::sum));
        int busiest = perStep.values().stream().max(Integer::compare).orElse(0);
        assertTrue(busiest <= 10, "at most half of the listeners in one tenth of the interval: " + perStep);
        assertTrue(perStep.size() >= 4, "polls fall in several parts of the interval: " + perStep);
    }

    @Test
    void r13_aRecordedPlayWhoseImportedTwinIsKeptIsNotStoredAgain() {
        RecordedListener listener = optedIn();
        Instant playedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(30));
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO play (listener_id, ended_at,"
                    + " ms_played, kind, uri, name, artist, album, source, stream_key) VALUES (?, ?, 200000, 'track',"
                    + " 'spotify:track:twin', 'Song twin', 'Artist twin', 'Album', 'extended', ?)")) {
                insert.setString(1, listener.id);
                insert.setObject(2, SqlTime.of(playedAt.minusSeconds(3)));
                insert.setString(3, "imported-" + UUID.randomUUID());
                return insert.executeUpdate();
            }
        });
        listener.hasPlayed(track("other", playedAt.plusSeconds(300)), track("twin", playedAt));
        afterOneInterval();
        recorder.round(lease, clock);
        assertEquals(1, listener.rows(database, PlayRow.Source.RECORDED), "only the play without a twin");
        assertEquals(2, listener.rows(database, null));
    }
}
