package dev.earshot.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dev.earshot.testing.CookieNames.SESSION;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.testing.FakeSpotify;
import dev.earshot.testing.InjectSpotify;
import dev.earshot.testing.Sessions;
import dev.earshot.testing.SignInSteps;
import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a container platform and its operators see: liveness and readiness under /q/health, the
 * earshot_* counters under /q/metrics after real traffic against a fake Spotify, and plain log lines
 * unless EARSHOT_LOG_JSON=true. Counters are shared by every test of this app instance, so each check
 * compares before and after.
 */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
class OperationsEndpointsTest {

    @InjectSpotify
    FakeSpotify spotify;

    @BeforeEach
    void reset() {
        spotify.resetWithSampleListener();
    }

    @Test
    void livenessIsUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void readinessIsUpWithTheDatabaseAndSaysNoMore() {
        // Public: UP or DOWN per check, the details live on /setup and in the log.
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("configuration"))
                .body("checks.find { it.name == 'database' }.status", equalTo("UP"))
                .body("checks.findAll { it.data != null }", Matchers.empty());
    }

    @Test
    void signInCountsTheSignInAndItsUpstreamCalls() {
        double signIns = metric("earshot_sign_ins_total{outcome=\"success\"}");
        double tokenCalls = metric("earshot_spotify_calls_total{endpoint=\"token\",status=\"200\"}");
        double meCalls = metric("earshot_spotify_calls_total{endpoint=\"me\",status=\"200\"}");

        String session = SignInSteps.signIn(spotify, "access-metrics", "refresh-metrics-" + UUID.randomUUID());

        assertEquals(signIns + 1, metric("earshot_sign_ins_total{outcome=\"success\"}"));
        assertEquals(tokenCalls + 1, metric("earshot_spotify_calls_total{endpoint=\"token\",status=\"200\"}"));
        assertEquals(meCalls + 1, metric("earshot_spotify_calls_total{endpoint=\"me\",status=\"200\"}"));

        double misses = metric("earshot_now_playing_lookups_total{result=\"miss\"}");
        double hits = metric("earshot_now_playing_lookups_total{result=\"hit\"}");
        given().cookie(SESSION, session).get("/api/me/now-playing").then().statusCode(200);
        given().cookie(SESSION, session).get("/api/me/now-playing").then().statusCode(200);
        assertEquals(
                misses + 1,
                metric("earshot_now_playing_lookups_total{result=\"miss\"}"),
                "the first poll calls Spotify");
        assertEquals(
                hits + 1,
                metric("earshot_now_playing_lookups_total{result=\"hit\"}"),
                "the second is served from the cache");
    }

    @Test
    void refreshesAndRateLimitsAreCounted() {
        double refreshes = metric("earshot_token_refreshes_total{account=\"session\",outcome=\"success\"}");
        double limited = metric("earshot_spotify_rate_limited_total{endpoint=\"currently-playing\"}");
        double calls429 = metric("earshot_spotify_calls_total{endpoint=\"currently-playing\",status=\"429\"}");
        double stale = metric("earshot_now_playing_lookups_total{result=\"stale\"}");
        spotify.stubTokenGrant("access-refreshed", null, 3600);
        spotify.stubApi(
                FakeSpotify.CURRENTLY_PLAYING, aResponse().withStatus(429).withHeader("Retry-After", "30"));
        String expired = Sessions.sealed(
                Sessions.expiringIn("access-old", "refresh-" + UUID.randomUUID(), Duration.ofMinutes(-1)));

        given().cookie(SESSION, expired)
                .get("/api/me/now-playing")
                .then()
                .statusCode(200)
                .body("stale", equalTo(true));

        assertEquals(refreshes + 1, metric("earshot_token_refreshes_total{account=\"session\",outcome=\"success\"}"));
        assertEquals(limited + 1, metric("earshot_spotify_rate_limited_total{endpoint=\"currently-playing\"}"));
        assertEquals(
                calls429 + 1, metric("earshot_spotify_calls_total{endpoint=\"currently-playing\",status=\"429\"}"));
        assertEquals(stale + 1, metric("earshot_now_playing_lookups_total{result=\"stale\"}"));
    }

    @Test
    void metricsNeverCarryATokenOrAUserId() {
        SignInSteps.signIn(spotify, "access-secret-value", "refresh-secret-value");
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertFalse(metrics.contains("secret-value"));
        assertFalse(metrics.contains("listener-"), "no per-user label");
    }

    @Test
    void requestMetricsKeepABoundedSetOfUriLabels() {
        // Without match-patterns (issue 13): paths nobody serves must not become labels one by one.
        String probe = "probe-" + UUID.randomUUID();
        for (String path : new String[] {"/img/", "/css/", "/js/", "/demo/spotify/", "/"}) {
            given().get(path + probe).then().statusCode(404);
        }
        // 503 here (no owner in this profile): still labelled by its template, never by its query string.
        given().get("/api/now-playing?anything=" + probe);
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertFalse(metrics.contains(probe), "an unserved path or a query string became a label");
        assertTrue(metrics.contains("uri=\"NOT_FOUND\""), "404s share one label");
        assertTrue(metrics.contains("uri=\"/api/now-playing\""), "endpoints are labelled by template");
    }

    @Test
    void logLinesArePlainUnlessEarshotLogJsonIsTrue() {
        assertEquals(false, ConfigProvider.getConfig().getValue("quarkus.log.console.json.enabled", Boolean.class));
    }

    /** The value of one sample line of /q/metrics, 0 when the counter has not been created yet. */
    private static double metric(String sample) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher line = Pattern.compile("^" + Pattern.quote(sample) + " (\\S+)$", Pattern.MULTILINE)
                .matcher(text);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }
}
