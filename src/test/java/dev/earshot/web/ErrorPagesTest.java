package dev.earshot.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.testing.CapturedLog;
import dev.earshot.testing.FakeSpotify;
import dev.earshot.testing.InjectSpotify;
import dev.earshot.testing.SignInSteps;
import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** S25: every error page carries a reference that is in exactly one log line, at the level its kind of failure deserves. */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
class ErrorPagesTest {

    @InjectSpotify
    FakeSpotify spotify;

    private static final Pattern REFERENCE = Pattern.compile("Reference: <code>([A-Za-z0-9_-]+)</code>");

    @Test
    void s25_a404ForAnUnknownRouteShowsAReferenceLoggedOnceAtInfoWithoutAStackTrace() {
        assertLogged(() -> given().get("/no-such-page"), 404, Level.INFO);
    }

    @Test
    void s25_a405ShowsAReferenceLoggedOnceAtInfo() {
        assertLogged(() -> given().redirects().follow(false).post("/dashboard"), 405, Level.INFO);
    }

    @Test
    void s25_aCallback400ShowsAReferenceLoggedOnceAtInfo() {
        assertLogged(() -> given().redirects().follow(false).get("/api/callback?code=x&state=y"), 400, Level.INFO);
    }

    @Test
    void s25_aCancelledSignInShowsAReferenceLoggedOnceAtInfo() {
        assertLogged(() -> given().redirects().follow(false).get("/api/callback?error=access_denied"), 403, Level.INFO);
    }

    @Test
    void s25_aFailedCodeExchangeShowsAReferenceLoggedOnceAtErrorWithItsStackTrace() {
        spotify.resetWithSampleListener();
        spotify.stub(post(urlPathEqualTo(FakeSpotify.TOKEN_PATH))
                .willReturn(aResponse().withStatus(500)));
        var start = SignInSteps.startLogin();
        assertLogged(
                () -> SignInSteps.callback(start.loginCookie(), "code=abc&state=" + start.state()), 502, Level.SEVERE);
    }

    /** The reference on the page, after checking it is in exactly one log line of {@code level} (a stack trace only with ERROR). */
    private static String assertLogged(Supplier<Response> request, int status, Level level) {
        Response response;
        try (CapturedLog log = CapturedLog.start()) {
            response = request.get();
            assertEquals(status, response.statusCode(), response.body().asString());
            Matcher reference = REFERENCE.matcher(response.body().asString());
            assertTrue(
                    reference.find(),
                    "the page shows a reference: " + response.body().asString());
            List<CapturedLog.Line> lines = log.containing("[ref " + reference.group(1) + "]");
            assertEquals(1, lines.size(), "one log line holds the reference: " + lines);
            assertEquals(level, lines.get(0).level(), lines.get(0).message());
            if (level == Level.SEVERE) {
                assertNotNull(lines.get(0).thrown(), "our failure comes with its stack trace");
            } else {
                assertNull(lines.get(0).thrown(), "a client's mistake has no stack trace");
            }
            return reference.group(1);
        }
    }
}
