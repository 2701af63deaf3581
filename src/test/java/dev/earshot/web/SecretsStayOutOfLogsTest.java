package dev.earshot.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.earshot.testing.SignInSteps.SESSION_COOKIE;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.earshot.auth.SessionCookie;
import dev.earshot.testing.FakeSpotify;
import dev.earshot.testing.Sessions;
import dev.earshot.testing.SignInSteps;
import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** S21 and S25: a whole sign-in, refresh and failure cycle leaves no secret in the log, and references match. */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
class SecretsStayOutOfLogsTest {

    private static final Path LOG = Path.of("target/quarkus-test.log");

    @Inject
    SessionCookie sessionCookie;

    @Test
    void s21_noTokenCodeOrSecretIsLoggedDuringSignInRefreshAndFailures() throws IOException {
        FakeSpotify.resetWithSampleListener();
        long logStart = Files.exists(LOG) ? Files.size(LOG) : 0;
        String access = "AT-secret-" + java.util.UUID.randomUUID();
        String refresh = "RT-secret-" + java.util.UUID.randomUUID();
        String rotated = "RT-rotated-" + java.util.UUID.randomUUID();
        String refreshedAccess = "AT-refreshed-" + java.util.UUID.randomUUID();
        String code = "CODE-secret-" + java.util.UUID.randomUUID();

        FakeSpotify.stubTokenGrant(access, refresh, 3600);
        var start = SignInSteps.startLogin();
        Response callback = SignInSteps.callback(start.loginCookie(), "code=" + code + "&state=" + start.state());
        assertEquals(303, callback.statusCode());

        // Refresh (expiring token), then a 401 and a dead refresh token.
        String expiring = sessionCookie.write(Sessions.expiringIn(access, refresh, java.time.Duration.ofSeconds(5))).getValue();
        FakeSpotify.stubTokenGrant(refreshedAccess, rotated, 3600);
        given().cookie(SESSION_COOKIE, expiring).get("/dashboard").then().statusCode(200);
        FakeSpotify.stubApi(FakeSpotify.TOP_TRACKS, FakeSpotify.spotifyError(401, "expired"));
        FakeSpotify.stubTokenError(400, "invalid_grant");
        String other = sessionCookie.write(Sessions.valid(access + "-x", refresh + "-x")).getValue();
        given().cookie(SESSION_COOKIE, other).redirects().follow(false).get("/dashboard").then().statusCode(303);

        // A failed sign-in: its page reference must be the one in the log line.
        FakeSpotify.stub(post(urlPathEqualTo(FakeSpotify.TOKEN_PATH)).willReturn(aResponse().withStatus(500)));
        var failing = SignInSteps.startLogin();
        Response failed = SignInSteps.callback(failing.loginCookie(), "code=" + code + "&state=" + failing.state());
        assertEquals(502, failed.statusCode());
        Matcher reference = Pattern.compile("Reference: <code>([A-Za-z0-9_-]+)</code>").matcher(failed.body().asString());
        assertTrue(reference.find(), "the error page shows a reference");

        String log = new String(Files.readAllBytes(LOG), StandardCharsets.UTF_8).substring((int) logStart);
        assertTrue(log.contains("[ref " + reference.group(1) + "]"), "S25: the reference is in the log");
        for (String secret : List.of(access, refresh, rotated, refreshedAccess, code, WireMockSpotify.CLIENT_SECRET,
                "test-only-secret-do-not-use-in-production", start.state(), start.loginCookie(), callback.getCookie(SESSION_COOKIE))) {
            assertFalse(log.contains(secret), "log must not contain " + secret.substring(0, Math.min(12, secret.length())) + "…");
        }
    }
}
