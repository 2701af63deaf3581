package dev.earshot.auth;

import static dev.earshot.testing.CookieNames.LOGIN;
import static dev.earshot.testing.CookieNames.SESSION;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.testing.FakeSpotify;
import dev.earshot.testing.InjectSpotify;
import dev.earshot.testing.Sessions;
import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** S17: sign-out is a same-origin POST that expires every cookie; GET never signs out. */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
class LogoutTest {

    @InjectSpotify
    FakeSpotify spotify;

    private String cookie;

    @BeforeEach
    void reset() {
        spotify.resetWithSampleListener();
        cookie = Sessions.sealed(Sessions.valid("access-1", "refresh-1"));
    }

    @Test
    void s17_sameOriginPostExpiresEveryCookieWithTheSameAttributesAndClearsSiteData() {
        Response response = given().cookie(SESSION, cookie)
                .header("Sec-Fetch-Site", "same-origin")
                .redirects()
                .follow(false)
                .post("/logout");
        assertEquals(303, response.statusCode());
        assertTrue(response.header("Location").endsWith("/?notice=signed-out"));
        assertEquals("\"cookies\"", response.header("Clear-Site-Data"));
        List<String> setCookies = response.headers().getValues("Set-Cookie");
        for (String name : List.of(SESSION, LOGIN)) {
            String header = setCookies.stream()
                    .filter(h -> h.startsWith(name + "="))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(name));
            assertTrue(header.contains("Max-Age=0"), header);
            assertTrue(
                    header.contains("Path=/")
                            && header.contains("Secure")
                            && header.contains("HttpOnly")
                            && header.contains("SameSite=Lax"),
                    header);
        }
        given().get("/?notice=signed-out").then().body(containsString("signed out"));
    }

    @Test
    void s17_originHeaderOfThisHostIsAcceptedWhenSecFetchSiteIsMissing() {
        Response response = given().cookie(SESSION, cookie)
                .header(
                        "Origin",
                        "http://" + RestAssured.baseURI.replaceFirst("^https?://", "") + ":" + RestAssured.port)
                .redirects()
                .follow(false)
                .post("/logout");
        assertEquals(303, response.statusCode());
    }

    @Test
    void s17_crossSiteOrUnmarkedPostsAreRefusedAndKeepTheSession() {
        for (String[] headers : new String[][] {
            {"Sec-Fetch-Site", "cross-site"},
            {"Sec-Fetch-Site", "same-site"},
            {"Origin", "https://evil.example"},
            {"Origin", "null"},
            {}
        }) {
            var request = given().cookie(SESSION, cookie).redirects().follow(false);
            if (headers.length == 2) {
                request.header(headers[0], headers[1]);
            }
            Response response = request.post("/logout");
            assertEquals(403, response.statusCode(), String.join("=", headers));
            assertNull(response.getCookie(SESSION), "session untouched");
        }
    }

    @Test
    void s17_anOriginOfThisHostWithAnotherSchemeOrPortIsAnotherOrigin() {
        String host = RestAssured.baseURI.replaceFirst("^https?://", "");
        int port = RestAssured.port;
        for (String origin : new String[] {
            "https://" + host + ":" + port,
            "ftp://" + host + ":" + port,
            "http://" + host + ":" + (port + 1),
            "http://" + host,
            "http://evil.example:" + port
        }) {
            Response response = given().cookie(SESSION, cookie)
                    .header("Origin", origin)
                    .redirects()
                    .follow(false)
                    .post("/logout");
            assertEquals(403, response.statusCode(), origin);
            assertNull(response.getCookie(SESSION), "session untouched by " + origin);
        }
    }

    @Test
    void s17_getLogoutDoesNotSignOutButOffersTheButton() {
        Response response =
                given().cookie(SESSION, cookie).redirects().follow(false).get("/logout");
        assertEquals(200, response.statusCode());
        assertNull(response.getCookie(SESSION));
        response.then().body(containsString("<form method=\"post\" action=\"/logout\">"));
    }
}
