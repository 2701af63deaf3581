package dev.earshot.spotify;

import static dev.earshot.testing.CookieNames.SESSION;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.earshot.auth.Session;
import dev.earshot.listening.NowPlayingFeed;
import dev.earshot.owner.OwnerAccount;
import dev.earshot.owner.OwnerModeTest;
import dev.earshot.testing.Eventually;
import dev.earshot.testing.FakeSpotify;
import dev.earshot.testing.InjectSpotify;
import dev.earshot.testing.Sessions;
import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * R11: after one 429 anywhere, no call of the app reaches Spotify until Retry-After has passed — not from
 * the dashboard, the JSON endpoints, the SVG card nor a session's token refresh — and calls resume after.
 * Runs with an owner account (the public endpoints need one), sharing OwnerModeTest's profile.
 */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
@TestProfile(OwnerModeTest.WithOwnerToken.class)
class AppWideQuietPeriodTest {

    @InjectSpotify
    FakeSpotify spotify;

    /** Short to keep the test fast, long enough for its checks on a busy machine. */
    static final int RETRY_AFTER_SECONDS = 3;

    @Inject
    NowPlayingFeed feed;

    @Inject
    OwnerAccount owner;

    @BeforeEach
    void reset() {
        spotify.resetWithSampleListener();
        spotify.stubTokenGrant("owner-access-1", null, 3600);
        // OwnerModeTest may run before in the same app and leave the owner offline: connect afresh.
        owner.connect(
                new TokenGrant("owner-access-1", Instant.now().plus(Duration.ofHours(1)), "owner-refresh-quiet"),
                "listener-1");
    }

    @Test
    void r11_oneQuotaExceeded429HoldsEveryCallerBackUntilRetryAfter() {
        assertQuietAfter(FakeSpotify.spotifyError(429, "Too many requests")
                .withBody(
                        "{\"error\":{\"status\":429,\"message\":\"Too many requests\",\"reason\":\"QUOTA_EXCEEDED\"}}")
                .withHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS)));
    }

    @Test
    void r11_aPlain429HoldsEveryCallerBackUntilRetryAfter() {
        assertQuietAfter(FakeSpotify.spotifyError(429, "API rate limit exceeded")
                .withHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS)));
    }

    private void assertQuietAfter(ResponseDefinitionBuilder tooMany) {
        String reader = cookie(Sessions.valid("access-reader", "refresh-" + UUID.randomUUID()));
        given().get("/api/now-playing")
                .then()
                .statusCode(200)
                .body("stale", equalTo(false)); // the owner's token is fetched

        // One 429, from one section of one listener's dashboard.
        spotify.stubApi(FakeSpotify.TOP_TRACKS, tooMany);
        Instant limitedAt = Instant.now(); // no later than the 429, so the checks below surely ran within Retry-After
        Response first = given().cookie(SESSION, reader).get("/dashboard");
        first.then().statusCode(200).body(containsString("Spotify asked us to slow down — back in"));
        spotify.stubApi(FakeSpotify.TOP_TRACKS, WireMock.okJson(FakeSpotify.fixture("top-tracks.json")));
        int journal = spotify.totalRequests();

        // Every page, for listeners nothing is cached for, and a session that needs a token refresh.
        String other = cookie(Sessions.valid("access-other", "refresh-" + UUID.randomUUID()));
        String expiring =
                cookie(Sessions.expiringIn("access-expiring", "refresh-" + UUID.randomUUID(), Duration.ofSeconds(20)));
        String expired =
                cookie(Sessions.expiringIn("access-expired", "refresh-" + UUID.randomUUID(), Duration.ofMinutes(-5)));
        feed.forget("owner:");
        given().cookie(SESSION, other)
                .get("/dashboard")
                .then()
                .statusCode(200)
                .body(containsString("Spotify asked us to slow down — back in"));
        given().cookie(SESSION, other)
                .get("/api/me/now-playing")
                .then()
                .statusCode(200)
                .body("status", equalTo("unavailable"));
        given().get("/api/now-playing")
                .then()
                .statusCode(200)
                .body("status", equalTo("unavailable"))
                .body("offline", equalTo(false));
        given().get("/embed/now-playing.svg").then().statusCode(200);
        given().cookie(SESSION, expiring)
                .get("/api/me/now-playing")
                .then()
                .statusCode(200)
                .body("status", equalTo("unavailable"));
        Response expiredAnswer =
                given().cookie(SESSION, expired).redirects().follow(false).get("/dashboard");
        assertEquals(200, expiredAnswer.statusCode(), "a refresh held back is not a sign-out");
        Duration spent = Duration.between(limitedAt, Instant.now());

        assertTrue(
                spent.toSeconds() < RETRY_AFTER_SECONDS,
                "the checks ran within Retry-After (" + spent.toMillis() + " ms)");
        assertEquals(
                journal,
                spotify.totalRequests(),
                "no call reached Spotify during Retry-After: "
                        + spotify.server().getAllServeEvents().stream()
                                .limit(spotify.totalRequests() - journal)
                                .map(event -> event.getRequest().getMethod() + " "
                                        + event.getRequest().getUrl())
                                .toList());

        // Once Retry-After has passed, calls resume and the data is fresh again.
        Eventually.within(
                Duration.ofSeconds(RETRY_AFTER_SECONDS + 3),
                "fresh data after Retry-After",
                () -> Boolean.FALSE.equals(given().cookie(SESSION, other)
                        .get("/api/me/now-playing")
                        .then()
                        .extract()
                        .path("stale")));
        Eventually.within(
                Duration.ofSeconds(3),
                "the public endpoint fresh after Retry-After",
                () -> Boolean.FALSE.equals(
                        given().get("/api/now-playing").then().extract().path("stale")));
        given().cookie(SESSION, expiring).get("/api/me/now-playing").then().statusCode(200);
        assertTrue(spotify.tokenCalls() >= 1, "the held-back refresh is made once the quiet period is over");
        assertTrue(spotify.totalRequests() > journal);
    }

    private String cookie(Session session) {
        return Sessions.sealed(session);
    }
}
