package dev.earshot.demo;

import static io.restassured.RestAssured.given;

import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(WireMockSpotify.class) // demo mode off, as every test with the fake Spotify has it
class DemoSandboxOffTest {

    @Test
    void nothingAnswersUnderDemoWhenDemoModeIsOff() {
        for (String path : new String[] {
            DemoSandbox.ACCOUNTS_PATH + "/authorize?client_id=earshot-demo&response_type=code"
                    + "&redirect_uri=http://127.0.0.1:8080/api/callback",
            DemoSandbox.ACCOUNTS_PATH + "/consent.css",
            DemoSandbox.API_PATH + "/v1/me",
            DemoSandbox.ART_PATH + "/x.svg",
            "/demo",
            "/demo/"
        }) {
            given().redirects().follow(false).get(path).then().statusCode(404);
            given().redirects().follow(false).head(path).then().statusCode(404);
        }
        given().formParams(Map.of("grant_type", "refresh_token", "refresh_token", "x"))
                .post(DemoSandbox.ACCOUNTS_PATH + "/api/token")
                .then()
                .statusCode(404);
        for (String button : new String[] {"next", "pause", "play", "restart"}) {
            given().post(DemoSandbox.REMOTE_PATH + "/" + button).then().statusCode(404);
        }
        given().formParams(Map.of("decision", "allow"))
                .post(DemoSandbox.ACCOUNTS_PATH + "/authorize")
                .then()
                .statusCode(404);
    }
}
