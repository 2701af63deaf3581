package dev.earshot.history;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.earshot.testing.CookieNames.SESSION;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.auth.HeldToken;
import dev.earshot.auth.HeldTokens;
import dev.earshot.auth.Session;
import dev.earshot.database.Database;
import dev.earshot.listening.NowPlayingFeed;
import dev.earshot.testing.Eventually;
import dev.earshot.testing.FakeSpotify;
import dev.earshot.testing.InjectSpotify;
import dev.earshot.testing.Sessions;
import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Opting in and out of recording over HTTP, as the dashboard's form and an API client do it (R13), refused from
 * other sites (S17's check); and episodes recorded from the now-playing feed for recording listeners only.
 */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
@Tag("database")
class RecordingOptInTest {

    private static final String PATH = "/api/me/history/recording";

    @InjectSpotify
    FakeSpotify spotify;

    @Inject
    HeldTokens heldTokens;

    @Inject
    RecordingStore store;

    @Inject
    Recordings recordings;

    @Inject
    Database database;

    @Inject
    NowPlayingFeed feed;

    private final List<String> listeners = new ArrayList<>();

    @BeforeEach
    void reset() {
        spotify.resetWithSampleListener();
    }

    @AfterEach
    void optOut() {
        listeners.forEach(recordings::optOut);
    }

    private Session newSession() {
        Session session = Sessions.valid("access-" + Sessions.newListenerId(), "refresh-" + Sessions.newListenerId());
        listeners.add(session.userId());
        return session;
    }

    private static RequestSpecification as(Session session) {
        return given().cookie(SESSION, Sessions.sealed(session)).redirects().follow(false);
    }

    @Test
    void r13_optingInOverHttpHoldsTheSessionsTokenAndRecordsTheListenerOptingOutReleasesIt() {
        Session session = newSession();
        as(session)
                .header("Sec-Fetch-Site", "same-origin")
                .accept("application/json")
                .formParam("enabled", "true")
                .post(PATH)
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("recording", equalTo(true))
                .body("paused", equalTo(false))
                .body("playsKept", equalTo(0));
        HeldToken held = heldTokens.find("recorder:" + session.userId()).orElseThrow();
        assertEquals(session.userId(), held.listenerId());
        assertEquals(session.signedInAt().getEpochSecond(), held.signedInAt().getEpochSecond());
        assertTrue(store.find(session.userId()).isPresent());

        as(session)
                .header("Sec-Fetch-Site", "same-origin")
                .accept("application/json")
                .formParam("enabled", "false")
                .post(PATH)
                .then()
                .statusCode(200)
                .body("recording", equalTo(false));
        assertTrue(heldTokens.find("recorder:" + session.userId()).isEmpty(), "the token is released");
        assertTrue(store.find(session.userId()).isEmpty());
    }

    @Test
    void r13_theDashboardFormOptsInAndBackAndTheDashboardSaysSo() {
        Session session = newSession();
        as(session)
                .get("/dashboard")
                .then()
                .statusCode(200)
                .body(containsString("Keep my listening history"))
                .body(containsString("action=\"/api/me/history/recording\""));

        as(session)
                .header("Origin", "http://localhost:" + io.restassured.RestAssured.port)
                .header("Host", "localhost:" + io.restassured.RestAssured.port)
                .formParam("enabled", "true")
                .post(PATH)
                .then()
                .statusCode(303)
                .header("Location", containsString("/dashboard?recording=on"));
        as(session)
                .get("/dashboard?recording=on")
                .then()
                .statusCode(200)
                .body(containsString("Earshot now keeps your listening history"))
                .body(containsString("Recording since"))
                .body(containsString("0 plays kept"))
                .body(containsString("Stop keeping my history"));

        as(session)
                .header("Sec-Fetch-Site", "same-origin")
                .formParam("enabled", "false")
                .post(PATH)
                .then()
                .statusCode(303)
                .header("Location", containsString("/dashboard?recording=off"));
        as(session)
                .get("/dashboard?recording=off")
                .then()
                .statusCode(200)
                .body(containsString("Earshot no longer records your plays"))
                .body(containsString("Keep my listening history"));
    }

    @Test
    void r13_s17_aCrossOriginOrUnmarkedOptInIsRefusedWithNothingHeld() {
        Session session = newSession();
        as(session)
                .header("Sec-Fetch-Site", "cross-site")
                .formParam("enabled", "true")
                .post(PATH)
                .then()
                .statusCode(403)
                .body(containsString("come from this site"));
        as(session)
                .header("Origin", "https://evil.example")
                .accept("application/json")
                .formParam("enabled", "true")
                .post(PATH)
                .then()
                .statusCode(403)
                .body("error", equalTo("cross-origin"));
        as(session).formParam("enabled", "true").post(PATH).then().statusCode(403);
        assertTrue(heldTokens.find("recorder:" + session.userId()).isEmpty());
        assertTrue(store.find(session.userId()).isEmpty());
    }

    @Test
    void r13_signedOutOrBadInputIsRefusedPlainly() {
        given().header("Sec-Fetch-Site", "same-origin")
                .accept("application/json")
                .formParam("enabled", "true")
                .post(PATH)
                .then()
                .statusCode(401)
                .body("error", equalTo("signed-out"));
        given().redirects()
                .follow(false)
                .header("Sec-Fetch-Site", "same-origin")
                .formParam("enabled", "true")
                .post(PATH)
                .then()
                .statusCode(303);
        Session session = newSession();
        as(session)
                .header("Sec-Fetch-Site", "same-origin")
                .accept("application/json")
                .formParam("enabled", "maybe")
                .post(PATH)
                .then()
                .statusCode(400)
                .body("message", containsString("enabled=true"));
        assertTrue(store.find(session.userId()).isEmpty());
    }

    @Test
    void r13_anEpisodeFromTheNowPlayingFeedIsRecordedOnceForARecordingListenerOnly() {
        Session recording = newSession();
        recordings.optIn(recording);
        Session notRecording = newSession();
        playsEpisode(recording, 1_265_000);
        playsEpisode(notRecording, 1_265_000);

        as(recording).get("/api/me/now-playing").then().statusCode(200).body("song.type", equalTo("episode"));
        as(notRecording).get("/api/me/now-playing").then().statusCode(200);
        Eventually.within(Duration.ofSeconds(5), "the episode is recorded", () -> episodes(recording) == 1);

        // More sightings of the same listening (the feed fetching again, further into the episode): still one row.
        Instant firstEnd = lastEpisodeEnd(recording);
        for (long progress : new long[] {1_325_000, 1_385_000}) {
            playsEpisode(recording, progress);
            feed.forget(recording.userId());
            as(recording).get("/api/me/now-playing").then().statusCode(200);
        }
        Eventually.within(
                Duration.ofSeconds(5),
                "the row moves on to the last sighting",
                () -> lastEpisodeMsPlayed(recording) == 1_385_000);
        assertEquals(1, episodes(recording), "one continuous listening, one row");
        assertTrue(lastEpisodeEnd(recording).isAfter(firstEnd));
        assertEquals(0, episodes(notRecording), "a listener who did not opt in is not recorded");
    }

    private void playsEpisode(Session session, long progressMs) {
        String json = FakeSpotify.fixture("currently-playing-episode.json")
                .replace("\"progress_ms\":1265000", "\"progress_ms\":" + progressMs);
        spotify.stub(get(urlPathEqualTo(FakeSpotify.CURRENTLY_PLAYING))
                .withHeader(
                        "Authorization",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer " + session.accessToken()))
                .willReturn(okJson(json)));
    }

    private long episodes(Session session) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT COUNT(*) FROM play WHERE listener_id = ? AND source = 'now-playing' AND kind = 'episode'"
                            + " AND uri = 'spotify:episode:ep1'")) {
                select.setString(1, session.userId());
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    private Instant lastEpisodeEnd(Session session) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT MAX(ended_at) FROM play WHERE listener_id = ? AND source = 'now-playing'")) {
                select.setString(1, session.userId());
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getObject(1, OffsetDateTime.class).toInstant();
                }
            }
        });
    }

    private long lastEpisodeMsPlayed(Session session) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT MAX(ms_played) FROM play WHERE listener_id = ? AND source = 'now-playing'")) {
                select.setString(1, session.userId());
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }
}
