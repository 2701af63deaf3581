package dev.earshot.dashboard;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static dev.earshot.testing.CookieNames.SESSION;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.testing.Eventually;
import dev.earshot.testing.FakeSpotify;
import dev.earshot.testing.InjectSpotify;
import dev.earshot.testing.Sessions;
import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /api/me/now-playing}: its stable shape, and how rarely it calls Spotify (R02, R06, R08). */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
class NowPlayingApiTest {

    @InjectSpotify
    FakeSpotify spotify;

    private String cookie;

    @BeforeEach
    void reset() {
        spotify.resetWithSampleListener();
        cookie = Sessions.sealed(Sessions.valid("access-1", "refresh-" + UUID.randomUUID()));
    }

    private Response poll() {
        return given().cookie(SESSION, cookie).get("/api/me/now-playing");
    }

    @Test
    void notSignedInIs401WithANullSong() {
        given().get("/api/me/now-playing")
                .then()
                .statusCode(401)
                .header("Cache-Control", "no-store")
                .body("song", nullValue())
                .body("status", equalTo("unavailable"));
    }

    @Test
    void playingTrackHasTheStableShape() {
        long before = System.currentTimeMillis();
        poll().then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("status", equalTo("playing"))
                .body("stale", equalTo(false))
                .body("fetchedAt", greaterThanOrEqualTo(before))
                .body("song.type", equalTo("track"))
                .body("song.isPlaying", equalTo(true))
                .body("song.progressMs", greaterThanOrEqualTo(83000))
                .body("song.progressMs", lessThanOrEqualTo(85000))
                .body("song.durationMs", equalTo(225000))
                .body("song.timestampMs", equalTo(1763900000000L))
                .body("song.trackId", equalTo("trk1"))
                .body("song.trackName", equalTo("Night Drive"))
                .body("song.artists", contains("The Lamplighters", "Mira Sol"))
                .body("song.albumName", equalTo("Neon Rivers"))
                .body("song.albumImageUrl", equalTo("https://i.scdn.co/image/np300"))
                .body("song.spotifyUrl", equalTo("https://open.spotify.com/track/trk1"));
    }

    @Test
    void r06_episodeNamesTheEpisodePublisherAndShow() {
        spotify.stubApi(FakeSpotify.CURRENTLY_PLAYING, okJson(FakeSpotify.fixture("currently-playing-episode.json")));
        poll().then()
                .statusCode(200)
                .body("song.type", equalTo("episode"))
                .body("song.trackName", equalTo("How Playlists Learned to Listen"))
                .body("song.artists", contains("Backroom Radio"))
                .body("song.albumName", equalTo("Signal & Noise"));
    }

    @Test
    void r06_pausedIsPausedAndNothingPlayingIsIdle() {
        spotify.stubApi(FakeSpotify.CURRENTLY_PLAYING, okJson(FakeSpotify.fixture("currently-playing-paused.json")));
        poll().then()
                .body("status", equalTo("paused"))
                .body("song.isPlaying", equalTo(false))
                .body("song.progressMs", equalTo(61000));
        for (var answer : List.of(
                aResponse().withStatus(204),
                okJson(FakeSpotify.fixture("currently-playing-ad.json")),
                okJson("{\"currently_playing_type\":\"unknown\",\"item\":null}"))) {
            reset();
            spotify.stubApi(FakeSpotify.CURRENTLY_PLAYING, answer);
            poll().then()
                    .statusCode(200)
                    .body("status", equalTo("idle"))
                    .body("song", nullValue())
                    .body("stale", equalTo(false));
        }
    }

    @Test
    void r08_tenTabsOfOneListenerCostOneUpstreamCall() throws Exception {
        spotify.stubApi(
                FakeSpotify.CURRENTLY_PLAYING,
                okJson(FakeSpotify.fixture("currently-playing-track.json")).withFixedDelay(300));
        ExecutorService tabs = Executors.newFixedThreadPool(10);
        try {
            List<Future<Integer>> polls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                polls.add(tabs.submit(() -> poll().statusCode()));
            }
            for (Future<Integer> status : polls) {
                assertEquals(200, status.get());
            }
        } finally {
            tabs.shutdownNow();
        }
        assertEquals(1, spotify.apiCalls(FakeSpotify.CURRENTLY_PLAYING));
        poll();
        assertEquals(1, spotify.apiCalls(FakeSpotify.CURRENTLY_PLAYING), "still within the cache period");
    }

    @Test
    void r08_listenersDoNotShareAnswers() {
        poll();
        String other = Sessions.sealed(Sessions.valid("access-2", "refresh-" + UUID.randomUUID()));
        given().cookie(SESSION, other).get("/api/me/now-playing").then().statusCode(200);
        assertEquals(2, spotify.apiCalls(FakeSpotify.CURRENTLY_PLAYING));
    }

    @Test
    void r02_after429NoCallUntilRetryAfterAndTheLastValueIsServedStale() throws Exception {
        poll().then().body("stale", equalTo(false));
        Thread.sleep(3100); // past the cache period
        spotify.stubApi(
                FakeSpotify.CURRENTLY_PLAYING,
                FakeSpotify.spotifyError(429, "rate limited").withHeader("Retry-After", "2"));
        // Refresh-ahead (R10): the first poll after the cache period gets the cached value at once; the 429 comes in
        // the background.
        poll().then().statusCode(200).body("song.trackName", equalTo("Night Drive"));
        Eventually.within(
                Duration.ofSeconds(2),
                "the 429 marks the value stale",
                () -> poll().then().extract().path("stale").equals(true));
        poll().then()
                .statusCode(200)
                .body("stale", equalTo(true))
                .body("song.trackName", equalTo("Night Drive"))
                .body("status", equalTo("playing"));
        int callsAfter429 = spotify.apiCalls(FakeSpotify.CURRENTLY_PLAYING);
        assertEquals(2, callsAfter429);
        for (int i = 0; i < 5; i++) {
            poll().then().statusCode(200).body("stale", equalTo(true));
        }
        assertEquals(
                callsAfter429, spotify.apiCalls(FakeSpotify.CURRENTLY_PLAYING), "quiet until Retry-After has passed");

        spotify.stubApi(FakeSpotify.CURRENTLY_PLAYING, okJson(FakeSpotify.fixture("currently-playing-paused.json")));
        Thread.sleep(2100);
        Eventually.within(
                Duration.ofSeconds(2),
                "fresh again once Retry-After has passed",
                () -> "Slow Morning".equals(poll().then().extract().path("song.trackName")));
        poll().then().body("stale", equalTo(false));
        assertEquals(callsAfter429 + 1, spotify.apiCalls(FakeSpotify.CURRENTLY_PLAYING));
    }

    @Test
    void r01_r02_r10_serverErrorsAndTimeoutsServeTheLastValueStaleAndBackOff() throws Exception {
        poll().then().body("stale", equalTo(false));
        Thread.sleep(3100);
        spotify.stubApi(FakeSpotify.CURRENTLY_PLAYING, okJson("{}").withFixedDelay(1500));
        long started = System.nanoTime();
        poll().then().statusCode(200).body("song.trackName", equalTo("Night Drive"));
        assertTrue(
                Duration.ofNanos(System.nanoTime() - started).toMillis() < 700,
                "the cached value is served without waiting for Spotify");
        Eventually.within(
                Duration.ofSeconds(3),
                "the read timeout (1 s in tests) marks the value stale",
                () -> poll().then().extract().path("stale").equals(true));
        int calls = spotify.apiCalls(FakeSpotify.CURRENTLY_PLAYING);
        assertEquals(2, calls);
        poll().then().body("stale", equalTo(true)).body("song.trackName", equalTo("Night Drive"));
        assertEquals(calls, spotify.apiCalls(FakeSpotify.CURRENTLY_PLAYING), "backing off");
    }

    @Test
    void r07_failureWithoutAnyEarlierValueIsUnavailableNotAnError() {
        spotify.stubApi(
                FakeSpotify.CURRENTLY_PLAYING, aResponse().withStatus(502).withBody("<html>bad gateway</html>"));
        poll().then()
                .statusCode(200)
                .body("status", equalTo("unavailable"))
                .body("song", nullValue())
                .body("stale", equalTo(true));
    }

    @Test
    void r03_aDeadSessionAnswers401AndClearsTheCookie() {
        spotify.stubApi(FakeSpotify.CURRENTLY_PLAYING, FakeSpotify.spotifyError(401, "revoked"));
        spotify.stubTokenError(400, "invalid_grant");
        Response response = poll();
        assertEquals(401, response.statusCode());
        response.then().body("song", nullValue());
        assertEquals(0, response.getDetailedCookie(SESSION).getMaxAge());
    }
}
