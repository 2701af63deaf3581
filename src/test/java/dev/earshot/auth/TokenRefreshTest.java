package dev.earshot.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.earshot.testing.CookieNames.SESSION;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.earshot.testing.FakeSpotify;
import dev.earshot.testing.InjectSpotify;
import dev.earshot.testing.Sessions;
import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Silent refresh: on expiry and on 401, once, with rotation kept and dead tokens signing out (R03–R05). */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
class TokenRefreshTest {

    @InjectSpotify
    FakeSpotify spotify;

    @Inject
    SessionCookie sessionCookie;

    /** Refresh results are remembered per refresh token for a while, so every test uses its own. */
    private String refresh1;

    private String refreshDead;

    @BeforeEach
    void reset() {
        spotify.resetWithSampleListener();
        refresh1 = "refresh-" + UUID.randomUUID();
        refreshDead = "refresh-dead-" + UUID.randomUUID();
    }

    @Test
    void tokenExpiringWithinAMinuteIsRefreshedAndTheCookieResealedInTheSameResponse() {
        String cookie = cookieFor(Sessions.expiringIn("access-old", refresh1, Duration.ofSeconds(30)));
        spotify.stubTokenGrant("access-new", null, 3600);

        Response page = given().cookie(SESSION, cookie).get("/dashboard");
        assertEquals(200, page.statusCode());
        assertEquals(1, spotify.tokenCalls(), "one refresh for the whole page");
        spotify.server()
                .verify(FakeSpotify.tokenRequests()
                        .withRequestBody(containing("grant_type=refresh_token"))
                        .withRequestBody(containing("refresh_token=" + refresh1)));
        spotify.server()
                .verify(
                        4,
                        WireMock.getRequestedFor(WireMock.urlPathMatching("/v1/me/.*"))
                                .withHeader("Authorization", equalTo("Bearer access-new")));

        Session resealed = opened(page.getCookie(SESSION));
        assertEquals("access-new", resealed.accessToken());
        assertEquals(refresh1, resealed.refreshToken(), "not rotated: the old refresh token stays");
    }

    @Test
    void r05_rotatedRefreshTokenIsKept() {
        String cookie = cookieFor(Sessions.expiringIn("access-old", refresh1, Duration.ofSeconds(10)));
        spotify.stubTokenGrant("access-new", "refresh-2", 3600);
        Response page = given().cookie(SESSION, cookie).get("/dashboard");
        assertEquals("refresh-2", opened(page.getCookie(SESSION)).refreshToken());
    }

    @Test
    void r03_a401IsRefreshedOnceAndRetriedOnce() {
        String cookie = cookieFor(Sessions.valid("access-revoked", refresh1));
        spotify.stubTokenGrant("access-new", null, 3600);
        spotify.stub(get(urlPathEqualTo(FakeSpotify.TOP_TRACKS))
                .withHeader("Authorization", equalTo("Bearer access-revoked"))
                .willReturn(FakeSpotify.spotifyError(401, "The access token expired")));

        Response page = given().cookie(SESSION, cookie).get("/dashboard");
        assertEquals(200, page.statusCode());
        page.then().body(containsString("Golden Hour Static"));
        assertEquals(1, spotify.tokenCalls());
        assertEquals("access-new", opened(page.getCookie(SESSION)).accessToken());
    }

    @Test
    void r03_aSecond401SignsOut() {
        String cookie = cookieFor(Sessions.valid("access-1", refresh1));
        spotify.stubTokenGrant("access-2", null, 3600);
        spotify.stubApi(FakeSpotify.CURRENTLY_PLAYING, FakeSpotify.spotifyError(401, "Invalid access token"));

        Response page =
                given().cookie(SESSION, cookie).redirects().follow(false).get("/dashboard");
        assertEquals(303, page.statusCode());
        assertTrue(page.header("Location").endsWith("/?notice=expired"));
        assertEquals(0, page.getDetailedCookie(SESSION).getMaxAge());
        assertEquals(2, spotify.apiCalls(FakeSpotify.CURRENTLY_PLAYING), "one call, one retry, no more");
    }

    @Test
    void r04_invalidGrantSignsOutWithTheExpiredMessage() {
        String cookie = cookieFor(Sessions.expiringIn("access-old", "refresh-dead", Duration.ofSeconds(-10)));
        spotify.stubTokenError(400, "invalid_grant");

        Response page =
                given().cookie(SESSION, cookie).redirects().follow(false).get("/dashboard");
        assertEquals(303, page.statusCode());
        assertTrue(page.header("Location").endsWith("/?notice=expired"));
        assertEquals(0, page.getDetailedCookie(SESSION).getMaxAge());
        assertEquals(1, spotify.tokenCalls(), "one refresh for four sections");
        given().get(page.header("Location").replaceFirst("^https?://[^/]+", ""))
                .then()
                .body(containsString("Your Spotify sign-in has expired — please sign in again"));
    }

    @Test
    void refreshFailingForAPassingReasonKeepsUsingATokenThatHasNotExpired() {
        String cookie = cookieFor(Sessions.expiringIn("access-still-ok", refresh1, Duration.ofSeconds(40)));
        spotify.stub(post(urlPathEqualTo(FakeSpotify.TOKEN_PATH))
                .willReturn(aResponse().withStatus(503)));
        Response page = given().cookie(SESSION, cookie).get("/dashboard");
        assertEquals(200, page.statusCode());
        page.then().body(containsString("Night Drive"));
        assertNull(page.getCookie(SESSION), "nothing new to seal");
    }

    @Test
    void refreshFailingWithAnExpiredTokenDegradesEverySectionButKeepsThePageAndSession() {
        String cookie = cookieFor(Sessions.expiringIn("access-expired", refresh1, Duration.ofSeconds(-5)));
        spotify.stub(post(urlPathEqualTo(FakeSpotify.TOKEN_PATH))
                .willReturn(aResponse().withStatus(503)));
        Response page =
                given().cookie(SESSION, cookie).redirects().follow(false).get("/dashboard");
        assertEquals(200, page.statusCode());
        page.then().body(containsString("answering right now"));
        assertNull(page.getCookie(SESSION), "session kept for the next try");
    }

    @Test
    void r05_concurrentRequestsOfOneSessionShareOneRefreshAndNoneIsSignedOut() throws Exception {
        String cookie = cookieFor(Sessions.expiringIn("access-old", refresh1, Duration.ofSeconds(5)));
        // Spotify rotates and the old refresh token becomes single-use: a second refresh with it would fail.
        spotify.stub(post(urlPathEqualTo(FakeSpotify.TOKEN_PATH))
                .inScenario("rotation")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(
                        FakeSpotify.tokenAnswer("access-new", "refresh-2", 3600).withFixedDelay(300))
                .willSetStateTo("used"));
        spotify.stub(post(urlPathEqualTo(FakeSpotify.TOKEN_PATH))
                .inScenario("rotation")
                .whenScenarioStateIs("used")
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_grant\"}")));

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Response>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<Response> call = () -> given().cookie(SESSION, cookie)
                        .redirects()
                        .follow(false)
                        .get("/dashboard");
                results.add(pool.submit(call));
            }
            for (Future<Response> result : results) {
                Response page = result.get();
                assertEquals(200, page.statusCode(), "no request is signed out");
                assertEquals("refresh-2", opened(page.getCookie(SESSION)).refreshToken());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, spotify.tokenCalls(), "one refresh for eight requests");
        // A straggler with the old cookie, after all that, is still served from the remembered refresh.
        assertEquals(
                200,
                given().cookie(SESSION, cookie)
                        .redirects()
                        .follow(false)
                        .get("/dashboard")
                        .statusCode());
        assertEquals(1, spotify.tokenCalls());
    }

    private String cookieFor(Session session) {
        return Sessions.sealed(session);
    }

    private Session opened(String cookieValue) {
        assertNotNull(cookieValue, "session cookie re-sealed");
        SessionLookup lookup = sessionCookie.open(cookieValue);
        assertTrue(lookup.active());
        return lookup.session();
    }
}
