package dev.earshot.dashboard;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.earshot.testing.CookieNames.SESSION;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.auth.Session;
import dev.earshot.testing.Eventually;
import dev.earshot.testing.FakeSpotify;
import dev.earshot.testing.InjectSpotify;
import dev.earshot.testing.Sessions;
import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two sessions of one Spotify user (two devices, two refresh tokens) share the listener's cached data.
 * When one session's sign-in is dead (invalid_grant, a second 401), only that session is signed out;
 * the other, even while sharing the in-flight fetch, answers with its own tokens (R03, R04, R08).
 */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
class SessionEndStaysWithItsSessionTest {

    @InjectSpotify
    FakeSpotify spotify;

    private String userId;
    private String deadRefresh;

    @BeforeEach
    void reset() {
        spotify.resetWithSampleListener();
        userId = "listener-" + UUID.randomUUID();
        deadRefresh = "refresh-dead-" + UUID.randomUUID();
        spotify.stub(post(urlPathEqualTo(FakeSpotify.TOKEN_PATH))
                .withRequestBody(containing("refresh_token=" + deadRefresh))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Refresh token revoked\"}")
                        .withFixedDelay(400)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/me/now-playing", "/dashboard"})
    void r04_aRejectedRefreshOfOneSessionDoesNotSignOutAnotherSharingTheFetch(String page) throws Exception {
        String dead = cookie("access-dead-" + UUID.randomUUID(), deadRefresh, Duration.ofSeconds(-30));
        assertOnlyTheDeadSessionIsSignedOut(page, dead, aliveCookie());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/me/now-playing", "/dashboard"})
    void r03_aSecond401OfOneSessionDoesNotSignOutAnotherSharingTheFetch(String page) throws Exception {
        String deadToken = "access-revoked-" + UUID.randomUUID();
        // Spotify rejects the dead session's token, slowly, so the other session joins the same in-flight fetch.
        spotify.stub(get(urlPathMatching("/v1/me/.*"))
                .withHeader("Authorization", equalTo("Bearer " + deadToken))
                .atPriority(1)
                .willReturn(FakeSpotify.spotifyError(401, "The access token expired")
                        .withFixedDelay(400)));
        String dead = cookie(deadToken, deadRefresh, Duration.ofMinutes(30));
        assertOnlyTheDeadSessionIsSignedOut(page, dead, aliveCookie());
    }

    private String aliveCookie() {
        return cookie(
                "access-alive-" + UUID.randomUUID(), "refresh-alive-" + UUID.randomUUID(), Duration.ofMinutes(30));
    }

    @Test
    void r03_aDeadSessionThatOnlyStartedABackgroundRefreshIsSignedOutOnItsNextRequest() throws Exception {
        String alive = cookie(
                "access-alive-" + UUID.randomUUID(), "refresh-alive-" + UUID.randomUUID(), Duration.ofMinutes(30));
        given().cookie(SESSION, alive).get("/api/me/now-playing").then().statusCode(200);
        Thread.sleep(3100); // past the cache period: the next reader starts a background refresh
        String deadToken = "access-revoked-" + UUID.randomUUID();
        spotify.stub(get(urlPathMatching("/v1/me/.*"))
                .withHeader("Authorization", equalTo("Bearer " + deadToken))
                .atPriority(1)
                .willReturn(FakeSpotify.spotifyError(401, "The access token expired")));
        String dead = cookie(deadToken, deadRefresh, Duration.ofMinutes(30));

        assertEquals(200, nowPlaying(dead).statusCode(), "served from the cache at once (R10)");
        AtomicReference<Response> next = new AtomicReference<>();
        Eventually.within(
                Duration.ofSeconds(3), "a request after the background refresh failed finds its sign-in dead", () -> {
                    next.set(nowPlaying(dead));
                    return next.get().statusCode() == 401;
                });
        assertEquals(0, next.get().getDetailedCookie(SESSION).getMaxAge());
        assertEquals(1, spotify.tokenCalls(), "one refresh try for the dead session, then no more");
        Response other = nowPlaying(alive);
        assertEquals(200, other.statusCode());
        assertNull(other.getDetailedCookie(SESSION), "the other session keeps its cookie");
    }

    private void assertOnlyTheDeadSessionIsSignedOut(String path, String dead, String alive) throws Exception {
        CompletableFuture<Response> deadAnswer = CompletableFuture.supplyAsync(() -> request(path, dead));
        Thread.sleep(150); // the dead session's fetch is in flight
        Response aliveAnswer = request(path, alive);
        Response deadResponse = deadAnswer.get(10, TimeUnit.SECONDS);

        assertTrue(
                deadResponse.statusCode() == 401 || deadResponse.statusCode() == 303,
                "the dead session is signed out: " + deadResponse.statusCode());
        assertEquals(0, deadResponse.getDetailedCookie(SESSION).getMaxAge(), "its cookie is cleared");
        assertEquals(200, aliveAnswer.statusCode(), "the other session is not signed out");
        assertNull(aliveAnswer.getDetailedCookie(SESSION), "and keeps its cookie");
        assertTrue(aliveAnswer.body().asString().contains("Night Drive"), "and sees the listener's playback");
    }

    private Response request(String path, String cookie) {
        return given().cookie(SESSION, cookie).redirects().follow(false).get(path);
    }

    private Response nowPlaying(String cookie) {
        return request("/api/me/now-playing", cookie);
    }

    private String cookie(String accessToken, String refreshToken, Duration left) {
        Instant now = Instant.now();
        Session session = new Session(
                accessToken,
                refreshToken,
                now.plus(left),
                now.minus(Duration.ofHours(1)),
                userId,
                "Ada Listener",
                null,
                Session.newId());
        return Sessions.sealed(session);
    }
}
