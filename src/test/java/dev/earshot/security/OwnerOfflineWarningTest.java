package dev.earshot.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.earshot.testing.FakeSpotify;
import dev.earshot.testing.InjectSpotify;
import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * R04 for the owner's account: when Spotify answers {@code invalid_grant}, besides the widget going
 * offline, the app warns whoever runs it — once in the log, and on /setup — without a retry loop.
 */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
@TestProfile(OwnerOfflineWarningTest.OwnerFromEnvironment.class)
class OwnerOfflineWarningTest {

    @InjectSpotify
    FakeSpotify spotify;

    private static final Path LOG = Path.of("target/quarkus-test.log");
    private static final String WARNING = "Spotify no longer accepts the owner's refresh token";

    /** An owner refresh token from the environment, and a data directory no other test writes an owner into. */
    public static class OwnerFromEnvironment implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "spotify.refresh-token",
                    "owner-refresh-revoked",
                    "earshot.setup",
                    "true",
                    "earshot.data-dir",
                    "target/owner-offline-warning-test-"
                            + ProcessHandle.current().pid());
        }
    }

    @Test
    void r04_aRevokedOwnerTokenIsWarnedOnceInTheLogAndShownOnTheSetupPage() throws IOException {
        spotify.resetWithSampleListener();
        spotify.stubTokenError(400, "invalid_grant");
        long logStart = Files.exists(LOG) ? Files.size(LOG) : 0;

        for (int i = 0; i < 5; i++) {
            given().get("/api/now-playing")
                    .then()
                    .statusCode(200)
                    .body("song", nullValue())
                    .body("offline", equalTo(true));
        }
        assertEquals(1, spotify.tokenCalls(), "one try, no retry loop");
        // Readiness is public and says UP/DOWN only; the deployer reads the state on the gated /setup page.
        given().get("/setup").then().statusCode(200).body(containsString("<strong>offline</strong>"));
        assertEquals(1, spotify.tokenCalls(), "looking at /setup costs no call");
        String log = new String(Files.readAllBytes(LOG), StandardCharsets.UTF_8).substring((int) logStart);
        assertEquals(1, log.split(WARNING, -1).length - 1, "warned once:\n" + log);
    }
}
