package dev.earshot.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The browser's part of a sign-in, step by step: over real HTTP against the fake Spotify or through the demo
 * sandbox, or as clicks in a real browser through the demo sandbox.
 */
public final class SignInSteps {

    /** What {@code GET /login} handed the browser: where to go, and the login-attempt cookie. */
    public record LoginStart(Response response, URI authorize, Map<String, String> query, String loginCookie) {
        public String state() {
            return query.get("state");
        }
    }

    private SignInSteps() {}

    public static LoginStart startLogin() {
        return startLogin(null);
    }

    /** {@code GET /login}, carrying an earlier login cookie when given (parallel tabs). */
    public static LoginStart startLogin(String existingLoginCookie) {
        var request = given().redirects().follow(false);
        if (existingLoginCookie != null) {
            request.cookie(CookieNames.LOGIN, existingLoginCookie);
        }
        Response response = request.get("/login");
        assertEquals(303, response.statusCode(), "login redirects to Spotify");
        URI authorize = URI.create(response.header("Location"));
        String loginCookie = response.getCookie(CookieNames.LOGIN);
        assertNotNull(loginCookie, "login sets the attempt cookie");
        return new LoginStart(response, authorize, query(authorize), loginCookie);
    }

    public static Response callback(String loginCookie, String query) {
        var request = given().redirects().follow(false);
        if (loginCookie != null) {
            request.cookie(CookieNames.LOGIN, loginCookie);
        }
        return request.get("/api/callback?" + query);
    }

    /** A whole sign-in against the fake Spotify granting these tokens; answers the session cookie's value. */
    public static String signIn(FakeSpotify spotify, String accessToken, String refreshToken) {
        spotify.stubTokenGrant(accessToken, refreshToken, 3600);
        LoginStart start = startLogin();
        Response callback = callback(start.loginCookie(), "code=test-code&state=" + start.state());
        assertEquals(
                303,
                callback.statusCode(),
                () -> "callback succeeds: " + callback.body().asString());
        String session = callback.getCookie(CookieNames.SESSION);
        assertNotNull(session, "callback sets the session cookie");
        return session;
    }

    /**
     * A demo sign-in over HTTP ({@link DemoProfile}): /login → the sandbox's consent page → press a button
     * ("allow" or "cancel") → the app's callback; answers the callback's response.
     */
    public static Response throughDemoConsent(String decision) {
        Response login = given().redirects().follow(false).get("/login");
        assertEquals(303, login.statusCode());
        String loginCookie = login.getCookie(CookieNames.PLAIN_LOGIN);
        URI authorize = URI.create(login.header("Location"));
        assertTrue(authorize.getPath().endsWith("/demo/spotify/accounts/authorize"), authorize.toString());

        // The URL is already encoded: RestAssured must not encode it again.
        Response consent =
                given().urlEncodingEnabled(false).redirects().follow(false).get(authorize.toString());
        assertEquals(200, consent.statusCode(), () -> consent.body().asString());
        String page = consent.body().asString();
        assertTrue(page.contains("Allow") && page.contains("Cancel"));

        Matcher action =
                Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"").matcher(page);
        assertTrue(action.find(), "consent form");
        URI post = authorize.resolve(action.group(1));
        var request = given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8");
        hiddenFields(page).forEach(request::formParam);
        Response answer = request.formParam("decision", decision).post(post.toString());
        assertEquals(303, answer.statusCode(), () -> answer.body().asString());
        URI callback = URI.create(answer.header("Location"));
        assertEquals("/api/callback", callback.getPath());
        return given().urlEncodingEnabled(false)
                .redirects()
                .follow(false)
                .cookie(CookieNames.PLAIN_LOGIN, loginCookie)
                .get(callback.getPath() + "?" + callback.getRawQuery());
    }

    private static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")
                .matcher(html);
        while (input.find()) {
            fields.put(input.group(1), unescape(input.group(2)));
        }
        return fields;
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    /** In a real browser ({@link DemoProfile}): from the landing page to the sandbox's consent page. */
    public static void toDemoConsentPage(Browser browser) {
        browser.open("/");
        browser.driver().findElement(By.partialLinkText("Sign in with Spotify")).click();
        browser.waitUntil(
                Duration.ofSeconds(10),
                "the sandbox's consent page",
                ExpectedConditions.urlContains("/demo/spotify/accounts/authorize"));
    }

    /** Presses a button of the consent page ("Allow" or "Cancel") and waits for the app's answer. */
    public static void pressOnDemoConsentPage(Browser browser, String button) {
        browser.driver()
                .findElement(By.xpath("//button[normalize-space()='" + button + "']"))
                .click();
        browser.waitUntil(
                Duration.ofSeconds(10),
                "back from the consent page",
                driver -> !driver.getCurrentUrl().contains("/demo/spotify/accounts/"));
    }

    /** A whole demo sign-in in a real browser; ends on the dashboard. */
    public static void signInToDemo(Browser browser) {
        toDemoConsentPage(browser);
        pressOnDemoConsentPage(browser, "Allow");
        browser.waitUntil(
                Duration.ofSeconds(10),
                () -> "on /dashboard, not " + browser.path(),
                driver -> browser.path().equals("/dashboard"));
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
