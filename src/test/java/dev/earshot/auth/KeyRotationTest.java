package dev.earshot.auth;

import static dev.earshot.testing.CookieNames.SESSION;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.earshot.testing.CookieNames;
import dev.earshot.testing.FakeSpotify;
import dev.earshot.testing.InjectSpotify;
import dev.earshot.testing.Sessions;
import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** S12: after rotating EARSHOT_SESSION_SECRET, cookies under the previous secret still work and are re-sealed. */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
class KeyRotationTest {

    @InjectSpotify
    FakeSpotify spotify;

    /** WireMockSpotify configures the previous secret for every test; the current one is the test profile's. */
    static final String OLD = WireMockSpotify.PREVIOUS_SESSION_SECRET;

    static final String NEW = SessionCookieTest.TEST_SECRET;

    @BeforeEach
    void reset() {
        spotify.resetWithSampleListener();
    }

    @Test
    void s12_cookieUnderThePreviousSecretIsAcceptedAndResealedUnderTheNewOne() throws Exception {
        Session session = Sessions.valid("access-1", "refresh-1");
        String json = "{\"a\":\"access-1\",\"r\":\"refresh-1\",\"e\":"
                + session.accessExpiresAt().getEpochSecond() + ",\"s\":"
                + session.signedInAt().getEpochSecond()
                + ",\"u\":\"listener-1\",\"n\":\"Ada Listener\",\"i\":null,\"d\":\""
                + session.sessionId() + "\"}";
        String underOld = new CookieSealer(new SealingKeys(OLD, Optional.empty()))
                .seal(CookieNames.PLAIN_SESSION, json.getBytes(StandardCharsets.UTF_8));

        Response page =
                given().cookie(SESSION, underOld).redirects().follow(false).get("/dashboard");
        assertEquals(200, page.statusCode());
        String resealed = page.getCookie(SESSION);
        assertNotNull(resealed, "re-sealed in the same response");
        CookieSealer newOnly = new CookieSealer(new SealingKeys(NEW, Optional.empty()));
        var opened = newOnly.open(CookieNames.PLAIN_SESSION, resealed).orElseThrow();
        assertFalse(opened.underOldKey());
        assertEquals(
                200,
                given().cookie(SESSION, resealed)
                        .redirects()
                        .follow(false)
                        .get("/dashboard")
                        .statusCode());
    }

    @Test
    void s12_cookieUnderAnUnknownSecretIsSignedOut() {
        String foreign = new CookieSealer(
                        new SealingKeys("some-other-secret-entirely-0123456789abcdef", Optional.empty()))
                .seal(CookieNames.PLAIN_SESSION, "{}".getBytes(StandardCharsets.UTF_8));
        Response page =
                given().cookie(SESSION, foreign).redirects().follow(false).get("/dashboard");
        assertEquals(303, page.statusCode());
        assertEquals(0, page.getDetailedCookie(SESSION).getMaxAge());
    }
}
