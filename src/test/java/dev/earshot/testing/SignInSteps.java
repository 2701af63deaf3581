package dev.earshot.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.restassured.response.Response;

/** The browser's part of a sign-in, step by step, over real HTTP. */
public final class SignInSteps {

    public static final String SESSION_COOKIE = "__Host-earshot_session";
    public static final String LOGIN_COOKIE = "__Host-earshot_login";

    /** What {@code GET /login} handed the browser: where to go, and the login-attempt cookie. */
    public record LoginStart(Response response, URI authorize, Map<String, String> query, String loginCookie) {
        public String state() {
            return query.get("state");
        }
    }

    private SignInSteps() {
    }

    public static LoginStart startLogin() {
        return startLogin(null);
    }

    /** {@code GET /login}, carrying an earlier login cookie when given (parallel tabs). */
    public static LoginStart startLogin(String existingLoginCookie) {
        var request = given().redirects().follow(false);
        if (existingLoginCookie != null) {
            request.cookie(LOGIN_COOKIE, existingLoginCookie);
        }
        Response response = request.get("/login");
        assertEquals(303, response.statusCode(), "login redirects to Spotify");
        URI authorize = URI.create(response.header("Location"));
        String loginCookie = response.getCookie(LOGIN_COOKIE);
        assertNotNull(loginCookie, "login sets the attempt cookie");
        return new LoginStart(response, authorize, query(authorize), loginCookie);
    }

    public static Response callback(String loginCookie, String query) {
        var request = given().redirects().follow(false);
        if (loginCookie != null) {
            request.cookie(LOGIN_COOKIE, loginCookie);
        }
        return request.get("/api/callback?" + query);
    }

    /** A whole sign-in against the fake Spotify granting these tokens; answers the session cookie's value. */
    public static String signIn(FakeSpotify spotify, String accessToken, String refreshToken) {
        spotify.stubTokenGrant(accessToken, refreshToken, 3600);
        LoginStart start = startLogin();
        Response callback = callback(start.loginCookie(), "code=test-code&state=" + start.state());
        assertEquals(303, callback.statusCode(), () -> "callback succeeds: " + callback.body().asString());
        String session = callback.getCookie(SESSION_COOKIE);
        assertNotNull(session, "callback sets the session cookie");
        return session;
    }

    public static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        if (uri.getRawQuery() == null) {
            return query;
        }
        for (String pair : uri.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            query.put(name, value);
        }
        return query;
    }
}
