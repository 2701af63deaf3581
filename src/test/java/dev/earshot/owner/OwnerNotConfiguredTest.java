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
    void setupPageIsOffOutsideDevAndDemo() {
        given().get("/setup").then().statusCode(404);
    }
}
