package dev.earshot.security;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.earshot.testing.CookieNames.SESSION;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.earshot.testing.FakeSpotify;
import dev.earshot.testing.InjectSpotify;
import dev.earshot.testing.Sessions;
import dev.earshot.testing.SignInSteps;
import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * S21 beyond the log: no token, code, PKCE verifier, client secret or session secret ever reaches a
 * URL, a page, a JSON answer or an error page the browser gets, through a sign-in, the pages that
 * follow, a refresh that fails for good and a sign-in that fails.
 */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
class SecretsStayOutOfPagesTest {

    @InjectSpotify
    FakeSpotify spotify;

    private static final String SESSION_SECRET = "test-only-secret-do-not-use-in-production";

    private final List<String> secrets = new ArrayList<>();

    @BeforeEach
    void reset() {
        spotify.resetWithSampleListener();
        secrets.clear();
        secrets.add(WireMockSpotify.CLIENT_SECRET);
        secrets.add(SESSION_SECRET);
    }

    @Test
    void s21_noSecretReachesAUrlPageOrJsonAnswerDuringSignInAndUse() {
        String access = secret("AT");
        String refresh = secret("RT");
        String code = secret("CODE");
        spotify.stubTokenGrant(access, refresh, 3600);
        // A listener of its own: per-listener caches must not carry this test's answers into another test.
        String listener = Sessions.newListenerId();
        spotify.stubApi(FakeSpotify.ME, okJson(FakeSpotify.fixture("me.json").replace("listener-1", listener)));

        SignInSteps.LoginStart start = SignInSteps.startLogin();
        assertClean("GET /login", start.response());
        Response callback = SignInSteps.callback(start.loginCookie(), "code=" + code + "&state=" + start.state());
        assertEquals(303, callback.statusCode());
        secrets.add(verifierSentToSpotify());
        assertClean("the callback's redirect", callback);

        String session = callback.getCookie(SESSION);
        for (String path : List.of("/dashboard", "/dashboard?range=long_term", "/api/me/now-playing", "/", "/logout")) {
            Response page =
                    given().cookie(SESSION, session).redirects().follow(false).get(path);
            assertClean("GET " + path, page);
        }
    }

    @Test
    void s21_noSecretReachesTheErrorPagesOfAFailedRefreshOrSignIn() {
        String access = secret("AT");
        String refresh = secret("RT");
        // A refresh token Spotify has revoked: the visitor is signed out and sees the expired notice.
        spotify.stubTokenError(400, "invalid_grant");
        String expiring = Sessions.sealed(Sessions.expiringIn(access, refresh, Duration.ofSeconds(-5)));
        Response signedOut =
                given().cookie(SESSION, expiring).redirects().follow(false).get("/dashboard");
        assertEquals(303, signedOut.statusCode());
        assertClean("the signed-out redirect", signedOut);
        assertClean(
                "the expired notice",
                given().get(URI.create(signedOut.header("Location")).getRawPath() + "?notice=expired"));

        // A token answer Earshot refuses (S08) while it carries a token: the 502 page must not echo it.
        String refused = secret("AT-refused");
        String code = secret("CODE");
        spotify.stub(post(urlPathEqualTo(FakeSpotify.TOKEN_PATH))
                .willReturn(okJson("{\"access_token\":\"" + refused
                        + "\",\"token_type\":\"mac\",\"expires_in\":3600,\"refresh_token\":\"" + refresh + "\"}")));
        SignInSteps.LoginStart start = SignInSteps.startLogin();
        Response failed = SignInSteps.callback(start.loginCookie(), "code=" + code + "&state=" + start.state());
        assertEquals(502, failed.statusCode());
        assertClean("the failed sign-in's page", failed);
    }

    private String secret(String kind) {
        String value = kind + "-" + UUID.randomUUID();
        secrets.add(value);
        return value;
    }

    private String verifierSentToSpotify() {
        String body =
                spotify.server().findAll(FakeSpotify.tokenRequests()).get(0).getBodyAsString();
        return SignInSteps.query(URI.create("x:/?" + body)).get("code_verifier");
    }

    /** Status line aside, everything the browser gets: every header (Location, Set-Cookie…) and the body. */
    private void assertClean(String where, Response response) {
        String seen = response.headers().toString() + "\n" + response.body().asString();
        for (String secret : secrets) {
            assertFalse(
                    seen.contains(secret),
                    where + " shows " + secret.substring(0, Math.min(10, secret.length())) + "…");
        }
    }
}
