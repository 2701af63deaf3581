package dev.earshot.flow;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * The whole flow a newcomer clicks through in demo mode — sign in, consent, dashboard, refresh,
 * sign out — over real HTTP against the built-in sandbox. {@code DemoFlowIT} runs it against the jar.
 */
@QuarkusTest
@TestProfile(DemoProfile.class)
public class DemoFlowTest {

    static final String SESSION_COOKIE = "__Host-earshot_session";
    static final String LOGIN_COOKIE = "__Host-earshot_login";

    @Test
    public void signInThroughTheSandboxShowsAFullDashboard() {
        given().get("/").then().statusCode(200).body(containsString("Demo mode — sample data"));

        String session = signInPressing("allow");
        Response dashboard = given().cookie(SESSION_COOKIE, session).redirects().follow(false).get("/dashboard");
        assertEquals(200, dashboard.statusCode());
        String html = dashboard.body().asString();
        assertTrue(html.contains("Demo mode — sample data"), "labelled as demo");
        assertTrue(html.contains("Demo Listener"), "profile");
        assertFalse(html.contains("class=\"problem\""), "no section failed");
        assertFalse(html.contains("class=\"empty\""), "every section has data");
        assertTrue(html.contains("data-status=\"playing\"") || html.contains("data-status=\"paused\"")
                || html.contains("data-status=\"idle\""), "now playing rendered");
        assertTrue(count(html, "<li class=\"item\">") >= 40, "top tracks, top artists and recent plays listed");
        assertTrue(html.contains("min ago") || html.contains("hour"), "recent plays with times");

        // The sandbox's tokens live 60 s: the visit refreshed silently and re-sealed the cookie.
        String resealed = dashboard.getCookie(SESSION_COOKIE);
        assertNotNull(resealed, "cookie re-sealed after a silent refresh");
        given().cookie(SESSION_COOKIE, resealed).get("/dashboard?range=long_term").then().statusCode(200)
                .body(containsString("range-active\">Last 12 months"))
                .body(not(containsString("class=\"problem\"")));

        Response signOut = given().cookie(SESSION_COOKIE, resealed).header("Sec-Fetch-Site", "same-origin")
                .redirects().follow(false).post("/logout");
        assertEquals(303, signOut.statusCode());
        assertEquals(0, signOut.getDetailedCookie(SESSION_COOKIE).getMaxAge());
    }

    @Test
    public void thePublicWidgetShowsTheSandboxOwnerWhoseTokenCameFromTheSandboxTokenEndpoint() {
        given().get("/api/now-playing").then().statusCode(200)
                .body("offline", equalTo(false))
                .body("stale", equalTo(false));
        // Demo mode is configuration only: the owner's token was refreshed over HTTP, like Spotify's.
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("earshot_token_refreshes_total{account=\"owner\",outcome=\"success\"}"), "owner refreshed");
        assertTrue(metrics.contains("earshot_spotify_calls_total{endpoint=\"token\",status=\"200\"}"), "at the token endpoint");
    }

    @Test
    public void cancellingOnTheConsentPageShowsTheFriendlyMessage() {
        Response callback = consentAnswer("cancel");
        assertEquals(403, callback.statusCode());
        callback.then().body(containsString("You cancelled — try again"));
        assertEquals(null, callback.getCookie(SESSION_COOKIE));
    }

    private String signInPressing(String decision) {
        Response callback = consentAnswer(decision);
        assertEquals(303, callback.statusCode(), () -> callback.body().asString());
        assertTrue(callback.header("Location").endsWith("/dashboard"));
        String session = callback.getCookie(SESSION_COOKIE);
        assertNotNull(session);
        return session;
    }

    /** /login → the sandbox's consent page → press a button → the app's callback; answers the callback's response. */
    private Response consentAnswer(String decision) {
        Response login = given().redirects().follow(false).get("/login");
        assertEquals(303, login.statusCode());
        String loginCookie = login.getCookie(LOGIN_COOKIE);
        URI authorize = URI.create(login.header("Location"));
        assertTrue(authorize.getPath().endsWith("/demo/spotify/accounts/authorize"), authorize.toString());

        // The URL is already encoded: RestAssured must not encode it again.
        Response consent = given().urlEncodingEnabled(false).redirects().follow(false).get(authorize.toString());
        assertEquals(200, consent.statusCode(), () -> consent.body().asString());
        String page = consent.body().asString();
        assertTrue(page.contains("Allow") && page.contains("Cancel"));

        Matcher action = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"").matcher(page);
        assertTrue(action.find(), "consent form");
        URI post = authorize.resolve(action.group(1));
        var request = given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8");
        hiddenFields(page).forEach(request::formParam);
        Response answer = request.formParam("decision", decision).post(post.toString());
        assertEquals(303, answer.statusCode(), () -> answer.body().asString());
        URI callback = URI.create(answer.header("Location"));
        assertEquals("/api/callback", callback.getPath());
        return given().urlEncodingEnabled(false).redirects().follow(false).cookie(LOGIN_COOKIE, loginCookie)
                .get(callback.getPath() + "?" + callback.getRawQuery());
    }

    private static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">").matcher(html);
        while (input.find()) {
            fields.put(input.group(1), unescape(input.group(2)));
        }
        return fields;
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }
}
