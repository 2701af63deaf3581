package dev.earshot.dashboard;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static dev.earshot.testing.CookieNames.SESSION;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.config.NowPlayingConfig;
import dev.earshot.testing.FakeSpotify;
import dev.earshot.testing.InjectSpotify;
import dev.earshot.testing.Sessions;
import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What dashboard views cost Spotify (issue 9): sections are shared per listener (and range) for their
 * cache period, so repeated views cost almost nothing, while a failure is never kept that long (R08, R09).
 */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
class DashboardCostTest {

    @InjectSpotify
    FakeSpotify spotify;

    static final int VIEWS = 30;

    @Inject
    NowPlayingConfig nowPlaying;

    private String cookie;

    @BeforeEach
    void reset() {
        spotify.resetWithSampleListener();
        cookie = Sessions.sealed(Sessions.valid("access-cost", "refresh-" + UUID.randomUUID()));
    }

    @Test
    void r08_thirtyViewsInARowCostAtMostPointTwoUpstreamCallsEach() {
        long started = System.nanoTime();
        for (int i = 0; i < VIEWS; i++) {
            given().cookie(SESSION, cookie)
                    .get("/dashboard")
                    .then()
                    .statusCode(200)
                    .body(containsString("Golden Hour Static"))
                    .body(containsString("Paper Lanterns"));
        }
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        int calls = spotify.totalRequests();
        double perView = (double) calls / VIEWS;
        System.out.printf(
                "Dashboard cost: %d views in %d ms -> %d upstream calls (%.3f per view; "
                        + "recently played %d, top tracks %d, top artists %d, currently playing %d, token %d)%n",
                VIEWS,
                tookMs,
                calls,
                perView,
                spotify.apiCalls(FakeSpotify.RECENTLY_PLAYED),
                spotify.apiCalls(FakeSpotify.TOP_TRACKS),
                spotify.apiCalls(FakeSpotify.TOP_ARTISTS),
                spotify.apiCalls(FakeSpotify.CURRENTLY_PLAYING),
                spotify.tokenCalls());
        assertTrue(perView <= 0.2, perView + " calls per view");
        assertEquals(1, spotify.apiCalls(FakeSpotify.TOP_TRACKS));
        assertEquals(1, spotify.apiCalls(FakeSpotify.TOP_ARTISTS));
        assertEquals(1, spotify.apiCalls(FakeSpotify.RECENTLY_PLAYED));
    }

    @Test
    void r09_aFailedSectionIsAskedAgainAfterTheBackOffNotAfterTheCachePeriod() throws Exception {
        spotify.stubApi(FakeSpotify.TOP_TRACKS, FakeSpotify.spotifyError(503, "Service unavailable"));
        given().cookie(SESSION, cookie)
                .get("/dashboard")
                .then()
                .statusCode(200)
                .body(containsString("answering right now"))
                .body(not(containsString("Golden Hour Static")));
        given().cookie(SESSION, cookie)
                .get("/dashboard")
                .then()
                .statusCode(200)
                .body(containsString("answering right now"));
        assertEquals(1, spotify.apiCalls(FakeSpotify.TOP_TRACKS), "no call during the back-off");

        spotify.stubApi(FakeSpotify.TOP_TRACKS, okJson(FakeSpotify.fixture("top-tracks.json")));
        Thread.sleep(nowPlaying.errorBackoff().toMillis() + 100);
        given().cookie(SESSION, cookie)
                .get("/dashboard")
                .then()
                .statusCode(200)
                .body(containsString("Golden Hour Static"))
                .body(not(containsString("answering right now")));
        assertEquals(2, spotify.apiCalls(FakeSpotify.TOP_TRACKS));
    }
}
