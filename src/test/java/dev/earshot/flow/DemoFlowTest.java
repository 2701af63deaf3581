package dev.earshot.flow;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.testing.CookieNames;
import dev.earshot.testing.DemoProfile;
import dev.earshot.testing.SignInSteps;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * The whole flow a newcomer clicks through in demo mode — sign in, consent, dashboard, refresh,
 * sign out — over real HTTP against the built-in sandbox. {@code DemoFlowIT} runs it against the jar.
 */
@QuarkusTest
@TestProfile(DemoProfile.class)
public class DemoFlowTest {

    @Test
    public void signInThroughTheSandboxShowsAFullDashboard() {
        given().get("/").then().statusCode(200).body(containsString("Demo mode — sample data"));

        String session = signInPressing("allow");
        Response dashboard = given().cookie(CookieNames.PLAIN_SESSION, session)
                .redirects()
                .follow(false)
                .get("/dashboard");
        assertEquals(200, dashboard.statusCode());
        String html = dashboard.body().asString();
        assertTrue(html.contains("Demo mode — sample data"), "labelled as demo");
        assertTrue(html.contains("Demo Listener"), "profile");
        assertFalse(html.contains("class=\"problem\""), "no section failed");
        assertFalse(html.contains("class=\"empty\""), "every section has data");
        assertTrue(
                html.contains("data-status=\"playing\"")
                        || html.contains("data-status=\"paused\"")
                        || html.contains("data-status=\"idle\""),
                "now playing rendered");
        assertTrue(count(html, "<li class=\"item\">") >= 40, "top tracks, top artists and recent plays listed");
        assertTrue(html.contains("min ago") || html.contains("hour"), "recent plays with times");

        // The sandbox's tokens live 60 s: the visit refreshed silently and re-sealed the cookie.
        String resealed = dashboard.getCookie(CookieNames.PLAIN_SESSION);
        assertNotNull(resealed, "cookie re-sealed after a silent refresh");
        given().cookie(CookieNames.PLAIN_SESSION, resealed)
                .get("/dashboard?range=long_term")
                .then()
                .statusCode(200)
                .body(containsString("range-active\">Last 12 months"))
                .body(not(containsString("class=\"problem\"")));

        Response signOut = given().cookie(CookieNames.PLAIN_SESSION, resealed)
                .header("Sec-Fetch-Site", "same-origin")
                .redirects()
                .follow(false)
                .post("/logout");
        assertEquals(303, signOut.statusCode());
        assertEquals(0, signOut.getDetailedCookie(CookieNames.PLAIN_SESSION).getMaxAge());
    }

    @Test
    public void thePublicWidgetShowsTheSandboxOwnerWhoseTokenCameFromTheSandboxTokenEndpoint() {
        given().get("/api/now-playing")
                .then()
                .statusCode(200)
                .body("offline", equalTo(false))
                .body("stale", equalTo(false));
        // Demo mode is configuration only: the owner's token was refreshed over HTTP, like Spotify's.
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(
                metrics.contains("earshot_token_refreshes_total{account=\"owner\",outcome=\"success\"}"),
                "owner refreshed");
        assertTrue(
                metrics.contains("earshot_spotify_calls_total{endpoint=\"token\",status=\"200\"}"),
                "at the token endpoint");
    }

    @Test
    public void cancellingOnTheConsentPageShowsTheFriendlyMessage() {
        Response callback = SignInSteps.throughDemoConsent("cancel");
        assertEquals(403, callback.statusCode());
        callback.then().body(containsString("You cancelled — try again"));
        assertEquals(null, callback.getCookie(CookieNames.PLAIN_SESSION));
    }

    private String signInPressing(String decision) {
        Response callback = SignInSteps.throughDemoConsent(decision);
        assertEquals(303, callback.statusCode(), () -> callback.body().asString());
        assertTrue(callback.header("Location").endsWith("/dashboard"));
        String session = callback.getCookie(CookieNames.PLAIN_SESSION);
        assertNotNull(session);
        return session;
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }
}
