package dev.earshot.auth;

import static dev.earshot.testing.CookieNames.SESSION;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.testing.CookieNames;
import dev.earshot.testing.FakeSpotify;
import dev.earshot.testing.InjectSpotify;
import dev.earshot.testing.Sessions;
import dev.earshot.testing.SignInSteps;
import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The session cookie as a browser sees it: attributes, sealing, lifetime, size and tossing (S11–S16). */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
class SessionCookieTest {

    @InjectSpotify
    FakeSpotify spotify;

    static final String TEST_SECRET = "test-only-secret-do-not-use-in-production-0123456789";

    @Inject
    SessionCookie sessionCookie;

    @Inject
    ObjectMapper json;

    @BeforeEach
    void reset() {
        spotify.resetWithSampleListener();
    }

    @Test
    void s11_sessionCookieHasHostPrefixSecureHttpOnlyLaxRootPathAndNoDomain() {
        spotify.stubTokenGrant("access-1", "refresh-1", 3600);
        var start = SignInSteps.startLogin();
        Response callback = SignInSteps.callback(start.loginCookie(), "code=abc&state=" + start.state());
        String setCookie = callback.headers().getValues("Set-Cookie").stream()
                .filter(h -> h.startsWith(SESSION + "="))
                .findFirst()
                .orElseThrow();
        assertTrue(setCookie.contains("Secure"), setCookie);
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Lax"), setCookie);
        assertTrue(setCookie.contains("Path=/"), setCookie);
        assertFalse(setCookie.toLowerCase().contains("domain="), setCookie);
    }

    @Test
    void s12_tokensAreNotReadableInTheCookie() {
        String value = SignInSteps.signIn(spotify, "access-visible-check", "refresh-visible-check");
        assertFalse(value.contains("access-visible-check"));
        assertTrue(value.startsWith("v1."));
    }

    @Test
    void s12_tamperedCookieIsSignedOutAndCleared() {
        String value = Sessions.sealed(Sessions.valid("access-1", "refresh-1"));
        char last = value.charAt(value.length() - 5);
        String tampered = value.substring(0, value.length() - 5)
                + (last == 'A' ? 'B' : 'A')
                + value.substring(value.length() - 4);
        assertSignedOutAndCleared(tampered);
        assertSignedOutAndCleared("v1.nokey.AAAA");
        assertSignedOutAndCleared("garbage");
        assertSignedOutAndCleared("");
    }

    @Test
    void s12_cookieSealedUnderAForeignKeyOrForAnotherPurposeIsRejected() {
        CookieSealer foreign =
                new CookieSealer(new SealingKeys("another-deployment-secret-0123456789abcdef", Optional.empty()));
        String foreignValue = foreign.seal(CookieNames.PLAIN_SESSION, sessionJson());
        assertSignedOutAndCleared(foreignValue);

        CookieSealer ours = new CookieSealer(new SealingKeys(TEST_SECRET, Optional.empty()));
        String otherPurpose = ours.seal(CookieNames.PLAIN_LOGIN, sessionJson());
        assertSignedOutAndCleared(otherPurpose);
    }

    @Test
    void s12_cookieUnderThePreviousKeyIsAcceptedAndResealedUnderTheCurrentOne() {
        // Simulate a rotation: the value was sealed under a key that is now "previous".
        CookieSealer before = new CookieSealer(new SealingKeys(TEST_SECRET, Optional.empty()));
        String oldValue = before.seal(CookieNames.PLAIN_SESSION, sessionJson());
        CookieSealer after = new CookieSealer(
                new SealingKeys("rotated-secret-0123456789abcdef-0123456789", Optional.of(TEST_SECRET)));
        var opened = after.open(CookieNames.PLAIN_SESSION, oldValue).orElseThrow();
        assertTrue(opened.underOldKey());
        // And through HTTP: the app's current key opens its own cookies without re-sealing them.
        Response page = given().cookie(SESSION, Sessions.sealed(Sessions.valid("access-1", "refresh-1")))
                .redirects()
                .follow(false)
                .get("/dashboard");
        assertEquals(200, page.statusCode());
        assertNull(page.getCookie(SESSION), "no needless Set-Cookie");
    }

    @Test
    void s13_sessionPastItsAbsoluteLifetimeIsSignedOutWithTheExpiredMessage() {
        String value = Sessions.sealed(Sessions.signedInAt(Instant.now().minus(Duration.ofDays(200))));
        Response response =
                given().cookie(SESSION, value).redirects().follow(false).get("/dashboard");
        assertEquals(303, response.statusCode());
        assertTrue(response.header("Location").endsWith("/?notice=expired"));
        assertEquals(0, response.getDetailedCookie(SESSION).getMaxAge());
        assertEquals(0, spotify.totalRequests(), "no Spotify call for a dead session");
        given().get("/?notice=expired")
                .then()
                .body(containsString("Your Spotify sign-in has expired — please sign in again"));
    }

    @Test
    void s13_cookieMaxAgeEndsAtTheAbsoluteLifetime() {
        Instant signedIn = Instant.now().minus(Duration.ofDays(100));
        var cookie = sessionCookie.write(Sessions.signedInAt(signedIn));
        long expected = Duration.ofDays(80).toSeconds();
        assertTrue(Math.abs(cookie.getMaxAge() - expected) < 60, "Max-Age " + cookie.getMaxAge());
    }

    @Test
    void s14_cookieWithA2KbAccessTokenStaysWithin4096Bytes() {
        String bigAccess = "A".repeat(2048);
        String refresh = "R".repeat(250);
        String session = SignInSteps.signIn(spotify, bigAccess, refresh);
        int size = SESSION.length() + 1 + session.length();
        assertTrue(size <= 4096, "cookie is " + size + " bytes");
        given().cookie(SESSION, session).get("/dashboard").then().statusCode(200);
    }

    @Test
    void s14_tokensTooLargeForOneCookieFailTheSignInClearly() {
        spotify.stubTokenGrant("A".repeat(2048), "R".repeat(2048), 3600);
        var start = SignInSteps.startLogin();
        Response callback = SignInSteps.callback(start.loginCookie(), "code=abc&state=" + start.state());
        assertEquals(502, callback.statusCode());
        assertNull(callback.getCookie(SESSION));
    }

    @Test
    void s14_refreshedTokensTooLargeForTheCookieEndTheSessionWithTheSignInAgainMessage() {
        // ~2 KB access token and a short refresh token fit; Spotify's refresh answers ~2 KB of each, which do not.
        String fits = Sessions.sealed(Sessions.expiringIn("A".repeat(2048), "R".repeat(250), Duration.ofSeconds(10)));
        spotify.stubTokenGrant("B".repeat(2048), "S".repeat(2048), 3600);

        Response page = given().cookie(SESSION, fits).redirects().follow(false).get("/dashboard");
        assertEquals(303, page.statusCode(), page.body().asString());
        assertTrue(page.header("Location").endsWith("/?notice=expired"), page.header("Location"));
        assertEquals(0, page.getDetailedCookie(SESSION).getMaxAge(), "cookie cleared");

        String alsoFits =
                Sessions.sealed(Sessions.expiringIn("A".repeat(2048), "R".repeat(250), Duration.ofSeconds(10)));
        Response json = given().cookie(SESSION, alsoFits).get("/api/me/now-playing");
        assertEquals(401, json.statusCode(), json.body().asString());
        assertEquals(0, json.getDetailedCookie(SESSION).getMaxAge(), "cookie cleared");
    }

    @Test
    void s16_twoSessionCookiesOfTheSameNameAreSignedOut() {
        String value = Sessions.sealed(Sessions.valid("access-1", "refresh-1"));
        Response response = given().header("Cookie", SESSION + "=" + value + "; " + SESSION + "=" + value)
                .redirects()
                .follow(false)
                .get("/dashboard");
        assertEquals(303, response.statusCode());
        assertEquals(0, response.getDetailedCookie(SESSION).getMaxAge());
        assertEquals(0, spotify.totalRequests());
    }

    @Test
    void signedInVisitorsOfTheLandingPageGoToTheDashboardAndSignedOutOnesOfTheDashboardToTheLanding() {
        String value = Sessions.sealed(Sessions.valid("access-1", "refresh-1"));
        given().cookie(new Cookie.Builder(SESSION, value).build())
                .redirects()
                .follow(false)
                .get("/")
                .then()
                .statusCode(303)
                .header("Location", containsString("/dashboard"));
        given().redirects()
                .follow(false)
                .get("/dashboard")
                .then()
                .statusCode(303)
                .header("Location", Matchers.endsWith("/"));
        assertNotEquals(0, value.length());
    }

    private void assertSignedOutAndCleared(String cookieValue) {
        Response response =
                given().cookie(SESSION, cookieValue).redirects().follow(false).get("/dashboard");
        assertEquals(303, response.statusCode(), cookieValue);
        if (!cookieValue.isEmpty()) {
            assertEquals(0, response.getDetailedCookie(SESSION).getMaxAge(), "cookie cleared");
        }
        assertEquals(0, spotify.totalRequests());
    }

    private byte[] sessionJson() {
        Session s = Sessions.valid("access-1", "refresh-1");
        var sealed = new SessionCookie.Sealed(
                s.accessToken(),
                s.refreshToken(),
                s.accessExpiresAt().getEpochSecond(),
                s.signedInAt().getEpochSecond(),
                s.userId(),
                s.displayName(),
                s.avatarUrl(),
                s.sessionId());
        try {
            return json.writeValueAsString(sealed).getBytes(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
