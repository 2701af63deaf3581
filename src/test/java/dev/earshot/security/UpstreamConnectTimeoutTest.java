package dev.earshot.security;

import static dev.earshot.testing.CookieNames.SESSION;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.testing.CookieNames;
import dev.earshot.testing.Sessions;
import dev.earshot.testing.SignInSteps;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * R01: a Spotify that never completes the TCP handshake is given up on after
 * {@code SPOTIFY_CONNECT_TIMEOUT} (1 s here), on both of Spotify's hosts, while the read timeout
 * is set far longer, so only the connect timeout can explain a quick answer.
 */
@QuarkusTest
@TestProfile(UpstreamConnectTimeoutTest.UnreachableSpotify.class)
class UpstreamConnectTimeoutTest {

    /** Both Spotify hosts point at {@link SilentSpotify}. */
    public static class UnreachableSpotify implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SilentSpotify.class));
        }
    }

    private static final Duration QUICK = Duration.ofSeconds(5);

    @Test
    void r01_theCodeExchangeWithAnUnreachableAccountsHostEndsAfterTheConnectTimeout() {
        SignInSteps.LoginStart start = SignInSteps.startLogin();
        long started = System.nanoTime();
        Response callback = patiently()
                .cookie(CookieNames.LOGIN, start.loginCookie())
                .redirects()
                .follow(false)
                .get("/api/callback?code=abc&state=" + start.state());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(502, callback.statusCode());
        assertNull(callback.getCookie(SESSION));
        assertTrue(took.compareTo(QUICK) < 0, "answered after " + took.toMillis() + " ms");
    }

    @Test
    void r01_aWebApiCallToAnUnreachableHostEndsAfterTheConnectTimeout() {
        String cookie = Sessions.sealed(Sessions.valid("access-1", "refresh-" + UUID.randomUUID()));
        long started = System.nanoTime();
        patiently()
                .cookie(SESSION, cookie)
                .get("/api/me/now-playing")
                .then()
                .statusCode(200)
                .body("status", equalTo("unavailable"))
                .body("song", nullValue());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(QUICK) < 0, "answered after " + took.toMillis() + " ms");
    }

    /** A client that would wait far longer than the app should, so a missing timeout shows as a slow answer, not as ours. */
    private static RequestSpecification patiently() {
        return given().config(RestAssuredConfig.config()
                .httpClient(HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 90_000)));
    }
}
