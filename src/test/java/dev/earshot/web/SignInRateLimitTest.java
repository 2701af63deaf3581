package dev.earshot.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.testing.CapturedLog;
import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/** S24: sign-in starts and callbacks are limited per client address. */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
@TestProfile(SignInRateLimitTest.LowLimit.class)
class SignInRateLimitTest {

    public static class LowLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("earshot.sign-in-rate-limit", "5");
        }
    }

    @Test
    void s24_tooManySignInsFromOneAddressGet429WithRetryAfter() {
        CapturedLog log = CapturedLog.start();
        for (int i = 0; i < 5; i++) {
            assertEquals(303, given().redirects().follow(false).get("/login").statusCode());
        }
        Response limited = given().redirects().follow(false).get("/login");
        assertEquals(429, limited.statusCode());
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        limited.then().body(containsString("Too many sign-in attempts"));
        given().redirects()
                .follow(false)
                .get("/api/callback?code=x&state=y")
                .then()
                .statusCode(429);
        // Other pages are not limited.
        given().get("/").then().statusCode(200);

        // Forwarding is off and every sign-in came from one loopback peer: a proxy in front would lock everyone out.
        log.close();
        List<CapturedLog.Line> warnings = log.containing("EARSHOT_PROXY_FORWARDING");
        assertEquals(1, warnings.size(), "the proxy hint is logged once, not per request");
        assertEquals(Level.WARNING, warnings.get(0).level());
        assertTrue(
                warnings.get(0).message().contains("EARSHOT_TRUSTED_PROXIES"),
                warnings.get(0).message());
    }
}
