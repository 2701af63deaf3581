package dev.earshot.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.earshot.testing.CookieNames.SESSION;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.testing.CapturedLog;
import dev.earshot.testing.FakeSpotify;
import dev.earshot.testing.InjectSpotify;
import dev.earshot.testing.Sessions;
import dev.earshot.testing.SignInSteps;
import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * S21 and S25 with every log a deployer could turn on: the app at DEBUG, and the REST client's traffic
 * logging as Quarkus documents it (request-response scope, its category at DEBUG), plus Quarkus's HTTP and
 * REST categories. A whole sign-in, refresh, rotation, owner refresh and failure cycle leaves no token,
 * code or secret in any line, and an error page's reference is in the log.
 */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
@TestProfile(SecretsStayOutOfLogsTest.EverythingLogged.class)
class SecretsStayOutOfLogsTest {

    @InjectSpotify
    FakeSpotify spotify;

    static final String OWNER_REFRESH = "OWNER-RT-secret-" + UUID.randomUUID();

    public static class EverythingLogged implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("quarkus.log.category.\"dev.earshot\".level", "DEBUG"),
                    Map.entry("quarkus.rest-client.logging.scope", "request-response"),
                    Map.entry("quarkus.rest-client.logging.body-limit", "100000"),
                    Map.entry("quarkus.log.category.\"org.jboss.resteasy.reactive.client.logging\".level", "DEBUG"),
                    Map.entry("quarkus.log.category.\"org.jboss.resteasy.reactive\".level", "DEBUG"),
                    Map.entry("quarkus.log.category.\"io.quarkus.rest\".level", "DEBUG"),
                    Map.entry("quarkus.log.category.\"io.quarkus.rest.client\".level", "DEBUG"),
                    Map.entry("quarkus.log.category.\"io.quarkus.vertx.http\".level", "DEBUG"),
                    Map.entry("quarkus.log.category.\"io.vertx\".level", "DEBUG"),
                    // The owner's account, so the widget's own token refresh is in the cycle too.
                    Map.entry("spotify.refresh-token", OWNER_REFRESH),
                    Map.entry("earshot.owner.id", "owner-of-the-logs-test"),
                    Map.entry(
                            "earshot.data-dir",
                            Path.of(
                                            "target",
                                            "secrets-logs-test-"
                                                    + ProcessHandle.current().pid())
                                    .toString()));
        }
    }

    @Test
    void s21_noTokenCodeOrSecretIsLoggedAtDebugDuringSignInRefreshRotationOwnerRefreshAndFailures() {
        spotify.resetWithSampleListener();
        String access = "AT-secret-" + UUID.randomUUID();
        String refresh = "RT-secret-" + UUID.randomUUID();
        String rotated = "RT-rotated-" + UUID.randomUUID();
        String refreshedAccess = "AT-refreshed-" + UUID.randomUUID();
        String ownerAccess = "OWNER-AT-secret-" + UUID.randomUUID();
        String code = "CODE-secret-" + UUID.randomUUID();
        List<String> secrets = new ArrayList<>(List.of(
                access,
                refresh,
                rotated,
                refreshedAccess,
                ownerAccess,
                OWNER_REFRESH,
                code,
                WireMockSpotify.CLIENT_SECRET,
                "test-only-secret-do-not-use-in-production",
                Base64.getEncoder()
                        .encodeToString((WireMockSpotify.CLIENT_ID + ":" + WireMockSpotify.CLIENT_SECRET)
                                .getBytes(StandardCharsets.UTF_8))));

        Response failed;
        try (CapturedLog log = CapturedLog.start()) {
            // Sign-in.
            spotify.stubTokenGrant(access, refresh, 3600);
            var start = SignInSteps.startLogin();
            secrets.add(start.state());
            secrets.add(start.loginCookie());
            Response callback = SignInSteps.callback(start.loginCookie(), "code=" + code + "&state=" + start.state());
            assertEquals(303, callback.statusCode());
            secrets.add(callback.getCookie(SESSION));

            // Refresh with rotation (expiring token), then a 401 and a dead refresh token.
            String expiring = Sessions.sealed(Sessions.expiringIn(access, refresh, Duration.ofSeconds(5)));
            secrets.add(expiring);
            spotify.stubTokenGrant(refreshedAccess, rotated, 3600);
            Response refreshed = given().cookie(SESSION, expiring).get("/dashboard");
            assertEquals(200, refreshed.statusCode());
            secrets.add(refreshed.getCookie(SESSION));
            spotify.stubApi(FakeSpotify.TOP_TRACKS, FakeSpotify.spotifyError(401, "expired"));
            spotify.stubTokenError(400, "invalid_grant");
            String other = Sessions.sealed(Sessions.valid(access + "-x", refresh + "-x"));
            given().cookie(SESSION, other)
                    .redirects()
                    .follow(false)
                    .get("/dashboard")
                    .then()
                    .statusCode(303);

            // The owner's widget refreshes its own token.
            spotify.resetWithSampleListener();
            spotify.stubTokenGrant(ownerAccess, null, 3600);
            given().get("/api/now-playing").then().statusCode(200);
            assertTrue(spotify.tokenCalls() >= 1, "the owner's token was refreshed");

            // A failed sign-in: its page reference must be the one in the log line.
            spotify.stub(post(urlPathEqualTo(FakeSpotify.TOKEN_PATH))
                    .willReturn(aResponse().withStatus(500)));
            var failing = SignInSteps.startLogin();
            failed = SignInSteps.callback(failing.loginCookie(), "code=" + code + "&state=" + failing.state());
            assertEquals(502, failed.statusCode());

            List<CapturedLog.Line> lines = log.lines();
            assertTrue(
                    lines.stream()
                            .anyMatch(line -> line.message().startsWith("Request: POST")
                                    && line.message().contains("grant_type=")),
                    "the REST client's traffic, token requests with their bodies, was logged, so a leak there would show");
            Matcher reference = Pattern.compile("Reference: <code>([A-Za-z0-9_-]+)</code>")
                    .matcher(failed.body().asString());
            assertTrue(reference.find(), "the error page shows a reference");
            assertTrue(
                    lines.stream().anyMatch(line -> line.message().contains("[ref " + reference.group(1) + "]")),
                    "S25: the reference is in the log");
            for (CapturedLog.Line line : lines) {
                String text = line.logger() + " " + line.text();
                for (String secret : secrets) {
                    assertFalse(
                            text.contains(secret),
                            "a " + line.level() + " line of " + line.logger() + " holds "
                                    + secret.substring(0, Math.min(12, secret.length())) + "…");
                }
            }
            System.out.printf(
                    "SecretsStayOutOfLogsTest: %d log lines searched for %d secrets%n", lines.size(), secrets.size());
        }
    }
}
