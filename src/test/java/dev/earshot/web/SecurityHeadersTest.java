package dev.earshot.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** S18 on every page, static files included; S25 error pages. */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
class SecurityHeadersTest {

    @Test
    void s18_landingPageAndStaticFilesCarryTheHeaders() {
        for (String path : new String[] {"/", "/css/earshot.css", "/img/earshot.svg", "/no-such-page"}) {
            Response response = given().get(path);
            assertEquals("nosniff", response.header("X-Content-Type-Options"), path);
            assertTrue(response.header("Content-Security-Policy").contains("frame-ancestors 'none'"), path);
            assertEquals("no-referrer", response.header("Referrer-Policy"), path);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "https://i.scdn.co/image/ab67616d00001e02, true",
        "https://profile-images.scdn.co/images/userprofile/default/1, true",
        "https://image-cdn-ak.spotifycdn.com/image/ab67, true",
        "http://i.scdn.co/image/ab67, false",
        "https://scontent.xx.fbcdn.net/v/t1.0-1/p320x320/1.jpg, false",
        "https://platform-lookaside.fbsbx.com/platform/profilepic/?asid=1, false",
        "https://i.scdn.co.evil.example/image/1, false",
        "https://user@i.scdn.co/image/1, false",
        "not a url, false",
    })
    void onlyImagesThePagePolicyAllowsAreShown(String url, boolean shown) {
        assertEquals(shown, SecurityHeaders.pagesMayShowImage(url), url);
    }

    @Test
    void landingPageExplainsAndOffersSignIn() {
        given().get("/")
                .then()
                .statusCode(200)
                .body(containsString("Sign in with Spotify"))
                .body(containsString("href=\"/login\""))
                .body(not(containsString("Demo mode")));
    }

    @Test
    void s25_unknownPagesGetThePlainNotFoundPage() {
        given().get("/no-such-page")
                .then()
                .statusCode(404)
                .body(containsString("Page not found"))
                .body(not(containsString("Exception")));
    }

    @Test
    void demoSandboxDoesNotAnswerWhenDemoModeIsOff() {
        given().get("/demo/spotify/accounts/authorize").then().statusCode(404);
    }

    @Test
    void unknownNoticeTextIsNeverReflected() {
        given().get("/?notice=%3Cb%3Ehacked%3C%2Fb%3E").then().statusCode(200).body(not(containsString("hacked")));
    }
}
