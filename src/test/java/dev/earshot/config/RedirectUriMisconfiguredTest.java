package dev.earshot.config;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * A redirect URI Spotify refuses (http://localhost, since 2025): the app runs — a public widget may
 * still work — but is not ready, says why in the log and readiness, and sign-in explains itself
 * instead of sending people to Spotify's error page.
 */
@QuarkusTest
@TestProfile(RedirectUriMisconfiguredTest.WithLocalhostRedirectUri.class)
class RedirectUriMisconfiguredTest {

    public static class WithLocalhostRedirectUri implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "earshot.demo",
                    "false",
                    "earshot.setup",
                    "true",
                    "spotify.client-id",
                    "misconfigured-client",
                    "spotify.client-secret",
                    "misconfigured-client-secret",
                    "spotify.redirect-uri",
                    "http://localhost:8080/api/callback");
        }
    }

    @Test
    void readinessIsDownAndTheFixIsNamedOnSetupAndInTheLogOnly() {
        given().get("/q/health/ready")
                .then()
                .statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'configuration' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'configuration' }.data", Matchers.nullValue());
        given().get("/q/health/live").then().statusCode(200);
        // The fix itself: see theSetupPageWarnsAtTheRedirectUri and theLogSaysItAtStart.
    }

    @Test
    void signInExplainsTheProblemInsteadOfRedirectingToSpotify() {
        given().redirects()
                .follow(false)
                .get("/login")
                .then()
                .statusCode(503)
                .header("Set-Cookie", Matchers.nullValue())
                .body(containsString("Sign-in is not set up correctly"))
                .body(containsString("Spotify refuses http://localhost since 2025"));
        given().get("/").then().statusCode(200);
    }

    @Test
    void theSetupPageWarnsAtTheRedirectUri() {
        given().get("/setup")
                .then()
                .statusCode(200)
                .body(containsString("This will not work: SPOTIFY_REDIRECT_URI is http://localhost:8080/api/callback"));
    }

    @Test
    void theLogSaysItAtStart() throws Exception {
        String log = Files.readString(Path.of("target/quarkus-test.log"));
        Assertions.assertTrue(
                log.contains("Sign-in cannot work: SPOTIFY_REDIRECT_URI is http://localhost:8080/api/callback"),
                "logged at start");
    }
}
