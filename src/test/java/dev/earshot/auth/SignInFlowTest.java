package dev.earshot.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.earshot.testing.CookieNames.LOGIN;
import static dev.earshot.testing.CookieNames.SESSION;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
import dev.earshot.listening.ListeningService;
import dev.earshot.testing.FakeSpotify;
import dev.earshot.testing.InjectSpotify;
import dev.earshot.testing.SignInSteps;
import dev.earshot.testing.SignInSteps.LoginStart;
import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole sign-in over HTTP against a fake Spotify, one S-requirement at a time. */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
class SignInFlowTest {

    @InjectSpotify
    FakeSpotify spotify;

    @jakarta.inject.Inject
    ListeningService listening;

    @BeforeEach
    void reset() {
        spotify.resetWithSampleListener();
    }

    @Test
    void signInEndsOnTheDashboardWithASession() {
        String session = SignInSteps.signIn(spotify, "access-1", "refresh-1");
        given().cookie(SESSION, session)
                .redirects()
                .follow(false)
                .get("/dashboard")
                .then()
                .statusCode(200)
                .body(containsString("Ada Listener"))
                .body(containsString("Night Drive"));
    }

    @Test
    void aProfilePictureTheCspWouldBlockBecomesTheInitial() {
        spotify.stubApi(
                FakeSpotify.ME,
                okJson(
                        "{\"id\":\"fb-listener\",\"display_name\":\"Bea Listener\","
                                + "\"images\":[{\"url\":\"https://platform-lookaside.fbsbx.com/platform/profilepic/?asid=1\",\"width\":64}]}"));
        String session = SignInSteps.signIn(spotify, "access-1", "refresh-1");
        given().cookie(SESSION, session)
                .get("/dashboard")
                .then()
                .statusCode(200)
                .body(containsString("<span class=\"avatar avatar-empty\" aria-hidden=\"true\">B</span>"))
                .body(not(containsString("fbsbx")));
    }

    @Test
    void s01_stateIsLongRandomAndNewEachTime() {
        Set<String> states = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            String state = SignInSteps.startLogin().state();
            assertTrue(Base64.getUrlDecoder().decode(state).length >= 16, "at least 128 bits");
            states.add(state);
        }
        assertEquals(5, states.size());
    }

    @Test
    void s02_s04_s05_authorizeRequestCarriesPkceS256ConfiguredRedirectAndMinimalScopes() {
        LoginStart start = SignInSteps.startLogin();
        assertEquals(
                spotify.server().baseUrl() + "/authorize",
                start.authorize().toString().split("\\?")[0]);
        assertEquals(WireMockSpotify.CLIENT_ID, start.query().get("client_id"));
        assertEquals("code", start.query().get("response_type"));
        assertEquals(WireMockSpotify.REDIRECT_URI, start.query().get("redirect_uri"));
        assertEquals(
                "user-read-currently-playing user-read-recently-played user-top-read",
                start.query().get("scope"));
        assertEquals("S256", start.query().get("code_challenge_method"));
        assertEquals(43, start.query().get("code_challenge").length(), "base64url of a SHA-256 digest");
        assertEquals("no-store", start.response().header("Cache-Control"));
    }

    @Test
    void s04_redirectUriIgnoresHostAndForwardedHeadersAndIsIdenticalInTheTokenRequest() {
        spotify.stubTokenGrant("access-1", "refresh-1", 3600);
        Response login = given().redirects()
                .follow(false)
                .header("Host", "evil.example")
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https")
                .get("/login");
        LoginStart start = new LoginStart(
                login,
                URI.create(login.header("Location")),
                SignInSteps.query(URI.create(login.header("Location"))),
                login.getCookie(LOGIN));
        assertEquals(WireMockSpotify.REDIRECT_URI, start.query().get("redirect_uri"));

        SignInSteps.callback(start.loginCookie(), "code=abc&state=" + start.state())
                .then()
                .statusCode(303);
        spotify.server()
                .verify(FakeSpotify.tokenRequests()
                        .withBasicAuth(new BasicCredentials(WireMockSpotify.CLIENT_ID, WireMockSpotify.CLIENT_SECRET))
                        .withRequestBody(containing("grant_type=authorization_code"))
                        .withRequestBody(containing("code=abc"))
                        .withRequestBody(containing("redirect_uri="
                                + URLEncoder.encode(WireMockSpotify.REDIRECT_URI, StandardCharsets.UTF_8)))
                        .withRequestBody(containing("code_verifier=")));
    }

    @Test
    void s02_verifierSentOnExchangeMatchesTheChallenge() {
        spotify.stubTokenGrant("access-1", "refresh-1", 3600);
        LoginStart start = SignInSteps.startLogin();
        SignInSteps.callback(start.loginCookie(), "code=abc&state=" + start.state())
                .then()
                .statusCode(303);
        String body =
                spotify.server().findAll(FakeSpotify.tokenRequests()).get(0).getBodyAsString();
        String verifier = SignInSteps.query(URI.create("x:/?" + body)).get("code_verifier");
        assertEquals(43, verifier.length(), "32 random bytes, base64url");
        assertEquals(start.query().get("code_challenge"), PkceChallenge.challengeOf(verifier));
    }

    @Test
    void s03_loginCookieIsShortLivedLaxAndHttpOnly() {
        LoginStart start = SignInSteps.startLogin();
        var cookie = start.response().getDetailedCookie(LOGIN);
        assertTrue(cookie.isHttpOnly());
        assertTrue(cookie.isSecured());
        assertEquals("/", cookie.getPath());
        assertEquals("Lax", cookie.getSameSite());
        assertTrue(cookie.getMaxAge() > 0 && cookie.getMaxAge() <= 600, "at most ten minutes");
        assertFalse(start.loginCookie().contains(start.state()), "the state is sealed, not readable");
    }

    @Test
    void s03_parallelSignInsDoNotBreakEachOtherAndAttemptsDoNotPileUp() {
        spotify.stubTokenGrant("access-1", "refresh-1", 3600);
        LoginStart first = SignInSteps.startLogin();
        LoginStart second = SignInSteps.startLogin(first.loginCookie());
        // The first tab returns with the cookie the browser now holds (the second's).
        Response callback = SignInSteps.callback(second.loginCookie(), "code=abc&state=" + first.state());
        assertEquals(303, callback.statusCode());
        // The second attempt survives in the rewritten cookie.
        String remaining = callback.getCookie(LOGIN);
        SignInSteps.callback(remaining, "code=def&state=" + second.state())
                .then()
                .statusCode(303);

        String cookie = null;
        LoginStart oldest = SignInSteps.startLogin();
        cookie = oldest.loginCookie();
        for (int i = 0; i < LoginAttemptCookie.MAX_ATTEMPTS + 2; i++) {
            cookie = SignInSteps.startLogin(cookie).loginCookie();
        }
        assertTrue(cookie.length() < 1200, "capped, not growing: " + cookie.length());
        SignInSteps.callback(cookie, "code=abc&state=" + oldest.state()).then().statusCode(400);
    }

    @Test
    void s06_errorIsCheckedFirstAndNothingIsSentToSpotify() {
        LoginStart start = SignInSteps.startLogin();
        Response response =
                SignInSteps.callback(start.loginCookie(), "error=server_error&code=abc&state=" + start.state());
        assertEquals(400, response.statusCode());
        assertNull(response.getCookie(SESSION));
        assertEquals(0, spotify.tokenCalls());
    }

    @Test
    void s06_missingDuplicatedOrWrongStateIsA400WithTheAttemptCookieClearedAndNoSpotifyCall() {
        LoginStart start = SignInSteps.startLogin();
        for (String query : new String[] {
            "code=abc",
            "code=abc&state=",
            "code=abc&state=wrong",
            "code=abc&state=" + start.state() + "&state=" + start.state(),
            "code=abc&state=" + start.state().substring(1)
        }) {
            Response response = SignInSteps.callback(start.loginCookie(), query);
            assertEquals(400, response.statusCode(), query);
            assertNull(response.getCookie(SESSION), query);
            var cleared = response.getDetailedCookie(LOGIN);
            assertNotNull(cleared, "attempt cookie rewritten or cleared: " + query);
            assertEquals(0, cleared.getMaxAge(), query);
        }
        // No cookie at all: the state cannot match.
        SignInSteps.callback(null, "code=abc&state=" + start.state()).then().statusCode(400);
        assertEquals(0, spotify.tokenCalls());
    }

    @Test
    void s06_missingCodeIsA400WithoutSpotifyCall() {
        LoginStart start = SignInSteps.startLogin();
        SignInSteps.callback(start.loginCookie(), "state=" + start.state())
                .then()
                .statusCode(400);
        assertEquals(0, spotify.tokenCalls());
    }

    @Test
    void s06_aStateCanBeUsedOnlyOnce() {
        spotify.stubTokenGrant("access-1", "refresh-1", 3600);
        // Two sign-ins started in two tabs: the cookie holds both attempts.
        LoginStart first = SignInSteps.startLogin();
        LoginStart second = SignInSteps.startLogin(first.loginCookie());
        Response used = SignInSteps.callback(second.loginCookie(), "code=abc&state=" + first.state());
        assertEquals(303, used.statusCode());
        String remaining = used.getCookie(LOGIN);
        assertNotNull(remaining, "the other tab's attempt is kept");
        // The browser now sends the rewritten cookie: the used state is gone from it, the other one is not.
        assertEquals(
                400,
                SignInSteps.callback(remaining, "code=abc&state=" + first.state())
                        .statusCode());
        assertEquals(
                303,
                SignInSteps.callback(remaining, "code=def&state=" + second.state())
                        .statusCode());
    }

    @Test
    void s07_cancelShowsAFriendlyPageWithoutReflectingTheDescription() {
        LoginStart start = SignInSteps.startLogin();
        Response response = SignInSteps.callback(
                start.loginCookie(),
                "error=access_denied&error_description=%3Cscript%3Ealert(1)%3C%2Fscript%3E&state=" + start.state());
        assertEquals(403, response.statusCode());
        response.then()
                .body(containsString("You cancelled — try again"))
                .body(containsString("href=\"/login\""))
                .body(not(containsString("<script>alert(1)")))
                .body(not(containsString("alert(1)")));
        assertNull(response.getCookie(SESSION));
        assertEquals(0, spotify.tokenCalls());
    }

    @Test
    void s08_badTokenAnswersFailClosedWith502AndNoSession() {
        String[] answers = {
            "{\"access_token\":\"a\",\"token_type\":\"mac\",\"expires_in\":3600,\"refresh_token\":\"r\"}",
            "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"refresh_token\":\"r\"}",
            "{\"access_token\":\"\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"refresh_token\":\"r\"}",
            "{\"access_token\":\"a\",\"token_type\":\"Bearer\",\"expires_in\":\"3600\",\"refresh_token\":\"r\"}",
            "{\"access_token\":\"a\",\"token_type\":\"Bearer\",\"refresh_token\":\"r\"}",
            "[1,2,3]",
            "{not json"
        };
        for (String answer : answers) {
            spotify.stub(post(urlPathEqualTo(FakeSpotify.TOKEN_PATH)).willReturn(okJson(answer)));
            assertFailsClosed(answer);
        }
        spotify.stub(post(urlPathEqualTo(FakeSpotify.TOKEN_PATH))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html>maintenance</html>")));
        assertFailsClosed("html");
        spotify.stub(post(urlPathEqualTo(FakeSpotify.TOKEN_PATH))
                .willReturn(aResponse().withStatus(503)));
        assertFailsClosed("503");
        spotify.stubTokenError(400, "invalid_grant");
        assertFailsClosed("invalid_grant");
        spotify.stub(post(urlPathEqualTo(FakeSpotify.TOKEN_PATH))
                .willReturn(aResponse()
                        .withFixedDelay(2500)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{}")));
        assertFailsClosed("timeout");
    }

    private void assertFailsClosed(String what) {
        LoginStart start = SignInSteps.startLogin();
        Response response = SignInSteps.callback(start.loginCookie(), "code=abc&state=" + start.state());
        assertEquals(502, response.statusCode(), what);
        assertNull(response.getCookie(SESSION), what);
        response.then()
                .body(containsString("Reference"))
                .body(not(containsString("alert(1)")))
                .body(not(containsString("invalid_grant")));
    }

    @Test
    void profileForbiddenExplainsDevelopmentModeAllowList() {
        spotify.stubTokenGrant("access-1", "refresh-1", 3600);
        spotify.stubApi(
                FakeSpotify.ME, FakeSpotify.spotifyError(403, "User not registered in the Developer Dashboard"));
        LoginStart start = SignInSteps.startLogin();
        Response response = SignInSteps.callback(start.loginCookie(), "code=abc&state=" + start.state());
        assertEquals(403, response.statusCode());
        response.then().body(containsString("Development Mode"));
        assertNull(response.getCookie(SESSION));
    }

    @Test
    void s09_successReplacesTheSessionAndSendsNoStoreAndNoReferrer() {
        String first = SignInSteps.signIn(spotify, "access-1", "refresh-1");
        spotify.stubTokenGrant("access-2", "refresh-2", 3600);
        LoginStart start = SignInSteps.startLogin();
        Response callback = given().redirects()
                .follow(false)
                .cookie(LOGIN, start.loginCookie())
                .cookie(SESSION, first)
                .get("/api/callback?code=abc&state=" + start.state());
        assertEquals(303, callback.statusCode());
        assertTrue(callback.header("Location").endsWith("/dashboard"));
        assertEquals("no-store", callback.header("Cache-Control"));
        assertEquals("no-referrer", callback.header("Referrer-Policy"));
        // The new cookie carries the new sign-in's tokens: pages opened with it use access-2.
        String replaced = callback.getCookie(SESSION);
        assertNotNull(replaced);
        // Top lists are shared per listener for minutes: drop them so the page must ask Spotify with the new token.
        listening.forget("listener-1");
        given().cookie(SESSION, replaced).get("/dashboard").then().statusCode(200);
        spotify.server()
                .verify(getRequestedFor(urlPathEqualTo(FakeSpotify.TOP_TRACKS))
                        .withHeader("Authorization", equalTo("Bearer access-2")));
        assertEquals(0, callback.getDetailedCookie(LOGIN).getMaxAge(), "used attempt removed");
        spotify.server()
                .verify(getRequestedFor(urlPathEqualTo(FakeSpotify.ME))
                        .withHeader("Authorization", equalTo("Bearer access-2")));
    }

    @Test
    void s10_returnPathIsSameOriginOnly() {
        spotify.stubTokenGrant("access-1", "refresh-1", 3600);
        assertEquals("/dashboard?range=long_term", landingAfterSignInWithReturn("/dashboard?range=long_term"));
        for (String hostile : new String[] {
            "//evil.example",
            "/\\evil.example",
            "/%09/evil.example",
            "https://evil.example",
            "javascript:alert(1)",
            "/\u0000x"
        }) {
            assertEquals("/dashboard", landingAfterSignInWithReturn(hostile), hostile);
        }
    }

    @Test
    void s10_aReturnPathWithCharactersAUriCannotHoldStillEndsTheSignIn() {
        spotify.stubTokenGrant("access-1", "refresh-1", 3600);
        assertEquals(
                "/dashboard%7Cx%3Cb%3E?range=%7Blong%7D%5E%60%22",
                landingAfterSignInWithReturn("/dashboard|x<b>?range={long}^`\""));
    }

    private String landingAfterSignInWithReturn(String returnTo) {
        Response login =
                given().redirects().follow(false).queryParam("return", returnTo).get("/login");
        String state = SignInSteps.query(URI.create(login.header("Location"))).get("state");
        Response callback = SignInSteps.callback(login.getCookie(LOGIN), "code=abc&state=" + state);
        return URI.create(callback.header("Location")).getRawPath()
                + (URI.create(callback.header("Location")).getRawQuery() == null
                        ? ""
                        : "?" + URI.create(callback.header("Location")).getRawQuery());
    }
}
