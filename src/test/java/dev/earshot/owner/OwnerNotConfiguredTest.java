package dev.earshot.owner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.earshot.auth.HeldTokens;
import dev.earshot.testing.CookieNames;
import dev.earshot.testing.FakeSpotify;
import dev.earshot.testing.HeldRows;
import dev.earshot.testing.InjectSpotify;
import dev.earshot.testing.SignInSteps;
import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** Without an owner account the public endpoint says so plainly. */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
class OwnerNotConfiguredTest {

    @InjectSpotify
    FakeSpotify spotify;

    @jakarta.inject.Inject
    OwnerAccount owner;

    @jakarta.inject.Inject
    HeldTokens held;

    @jakarta.inject.Inject
    OwnerSetupCode setupCode;

    @Test
    void publicEndpointAnswers503WithANullSong() {
        given().get("/api/now-playing")
                .then()
                .statusCode(503)
                .header("Access-Control-Allow-Origin", "*")
                .body("song", nullValue())
                .body("status", equalTo("unavailable"));
    }

    @Test
    void theEmbedsSayPlainlyThatNoOwnerIsSetUp() throws Exception {
        given().get("/embed/now-playing").then().statusCode(200).body(Matchers.containsString("Not set up yet"));
        String svg = given().get("/embed/now-playing.svg")
                .then()
                .statusCode(200)
                .contentType(Matchers.startsWith("image/svg+xml"))
                .extract()
                .asString();
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        Assertions.assertFalse(svg.contains("Night Drive"), "no song without an owner");
    }

    @Test
    void s27_withoutAnOwnerIdTheSetupCodeFromTheLogIsRequiredAndWorksOnce() throws Exception {
        given().get("/owner/connect")
                .then()
                .statusCode(200)
                .body(Matchers.containsString("Setup code from the server"));
        given().redirects()
                .follow(false)
                .header("Sec-Fetch-Site", "same-origin")
                .formParam("code", "WRONG-CODE")
                .post("/owner/connect")
                .then()
                .statusCode(400)
                .body(Matchers.containsString("didn"));
        String log = Files.readString(Path.of("target/quarkus-test.log"));
        Matcher code = Pattern.compile("Owner setup code: ([A-Z0-9-]+)").matcher(log);
        String last = null;
        while (code.find()) {
            last = code.group(1);
        }
        Assertions.assertNotNull(last, "the code is printed at start");
        var start = given().redirects()
                .follow(false)
                .header("Sec-Fetch-Site", "same-origin")
                .formParam("code", last.toLowerCase())
                .post("/owner/connect");
        Assertions.assertEquals(303, start.statusCode());
        Assertions.assertTrue(start.header("Location").contains("/authorize?"));
        Assertions.assertTrue(log.contains("valid once, for 30 minutes"), "the log says how long it lasts");

        // Used once: the same code starts nothing more, and the page says how to get a new one.
        given().redirects()
                .follow(false)
                .header("Sec-Fetch-Site", "same-origin")
                .formParam("code", last)
                .post("/owner/connect")
                .then()
                .statusCode(400)
                .body(Matchers.containsString("expired or was already used"))
                .body(Matchers.containsString("Restart Earshot to print a new one"))
                .body(Matchers.containsString("EARSHOT_OWNER_ID"));
    }

    @Test
    void s27_onceAnOwnerIsConnectedNoCodeExistsAndOnlyThatAccountMayReconnect() throws Exception {
        held.hold(HeldTokens.OWNER, "stored-owner-id", "stored-owner-refresh", Instant.now());
        owner.start(); // as a restart with the owner held does
        try {
            int codesBefore = setupCodesInLog();
            setupCode.announce(null, owner); // what start-up runs
            Assertions.assertEquals(codesBefore, setupCodesInLog(), "no setup code is printed");
            given().get("/owner/connect")
                    .then()
                    .statusCode(200)
                    .body(Matchers.not(Matchers.containsString("Setup code from the server")))
                    .body(Matchers.containsString("An owner is connected"))
                    .body(Matchers.not(Matchers.containsString("stored-owner-id")));

            // Without a code, a sign-in starts, but only the stored owner's account completes it.
            spotify.resetWithSampleListener();
            spotify.stubTokenGrant("someone-access", "someone-refresh", 3600);
            var start = given().redirects()
                    .follow(false)
                    .header("Sec-Fetch-Site", "same-origin")
                    .post("/owner/connect");
            Assertions.assertEquals(303, start.statusCode());
            String state =
                    SignInSteps.query(URI.create(start.header("Location"))).get("state");
            SignInSteps.callback(start.getCookie(CookieNames.LOGIN), "code=c&state=" + state)
                    .then()
                    .statusCode(403)
                    .body(Matchers.containsString("That isn"));
            Assertions.assertEquals(
                    "stored-owner-refresh",
                    HeldRows.refreshToken(HeldTokens.OWNER).orElseThrow(),
                    "nothing replaced");
        } finally {
            held.release(HeldTokens.OWNER);
            owner.start();
        }
        // No owner any more (the file removed, as a disconnect would): start-up prints a new code.
        int codesBefore = setupCodesInLog();
        setupCode.announce(null, owner);
        Assertions.assertEquals(codesBefore + 1, setupCodesInLog());
    }

    private static int setupCodesInLog() throws IOException {
        String log = Files.readString(Path.of("target/quarkus-test.log"));
        return (int)
                Pattern.compile("Owner setup code: ").matcher(log).results().count();
    }

    @Test
    void setupPageIsOffOutsideDevAndDemo() {
        given().get("/setup").then().statusCode(404);
    }
}
