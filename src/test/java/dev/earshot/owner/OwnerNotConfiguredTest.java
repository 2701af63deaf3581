package dev.earshot.owner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Without an owner account the public endpoint says so plainly. */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
class OwnerNotConfiguredTest {

    @Test
    void publicEndpointAnswers503WithANullSong() {
        given().get("/api/now-playing").then().statusCode(503)
                .header("Access-Control-Allow-Origin", "*")
                .body("song", nullValue())
                .body("status", equalTo("unavailable"));
    }

    @Test
    void theEmbedsSayPlainlyThatNoOwnerIsSetUp() throws Exception {
        given().get("/embed/now-playing").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Not set up yet"));
        String svg = given().get("/embed/now-playing.svg").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("image/svg+xml")).extract().asString();
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        org.junit.jupiter.api.Assertions.assertFalse(svg.contains("Night Drive"), "no song without an owner");
    }

    @Test
    void withoutAnOwnerIdTheSetupCodeFromTheLogIsRequired() throws Exception {
        given().get("/owner/connect").then().statusCode(200).body(org.hamcrest.Matchers.containsString("Setup code from the server"));
        given().redirects().follow(false).header("Sec-Fetch-Site", "same-origin").formParam("code", "WRONG-CODE")
                .post("/owner/connect").then().statusCode(400).body(org.hamcrest.Matchers.containsString("didn"));
        String log = java.nio.file.Files.readString(java.nio.file.Path.of("target/quarkus-test.log"));
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("Owner setup code: ([A-Z0-9-]+)").matcher(log);
        String last = null;
        while (code.find()) {
            last = code.group(1);
        }
        org.junit.jupiter.api.Assertions.assertNotNull(last, "the code is printed at start");
        var start = given().redirects().follow(false).header("Sec-Fetch-Site", "same-origin").formParam("code", last.toLowerCase())
                .post("/owner/connect");
        org.junit.jupiter.api.Assertions.assertEquals(303, start.statusCode());
        org.junit.jupiter.api.Assertions.assertTrue(start.header("Location").contains("/authorize?"));
    }

    @Test
    void setupPageIsOffOutsideDevAndDemo() {
        given().get("/setup").then().statusCode(404);
    }
}
