package dev.earshot.owner;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.listening.NowPlayingFeed;
import dev.earshot.testing.FakeSpotify;
import dev.earshot.testing.InjectSpotify;
import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SPOTIFY_ACCESS_TOKEN alone: a debugging fallback that works for its hour, says so, and then goes quietly offline. */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
@TestProfile(OwnerAccessTokenFallbackTest.WithAccessTokenOnly.class)
class OwnerAccessTokenFallbackTest {

    @InjectSpotify
    FakeSpotify spotify;

    static final String ACCESS_TOKEN = "owner-access-token-from-env";

    public static class WithAccessTokenOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "spotify.access-token",
                    ACCESS_TOKEN,
                    "earshot.data-dir",
                    "target/owner-access-only-" + ProcessHandle.current().pid());
        }
    }

    @Inject
    OwnerAccount owner;

    @Inject
    NowPlayingFeed feed;

    @BeforeEach
    void reset() {
        spotify.resetWithSampleListener();
        owner.start(); // its hour begins anew, as at a restart
        feed.forget("owner:");
    }

    @Test
    void theAccessTokenIsUsedAsItIsAndTheLogWarnsThatItExpiresWithinAnHour() throws Exception {
        given().get("/api/now-playing").then().statusCode(200).body("song.trackName", Matchers.equalTo("Night Drive"));
        spotify.server()
                .verify(getRequestedFor(urlPathEqualTo(FakeSpotify.CURRENTLY_PLAYING))
                        .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN)));
        assertEquals(0, spotify.tokenCalls(), "there is nothing to refresh it with");
        String log = Files.readString(Path.of("target/quarkus-test.log"));
        assertTrue(
                log.contains("The owner's account uses SPOTIFY_ACCESS_TOKEN: it expires within an hour"),
                "the warning is logged");
        assertTrue(!log.contains(ACCESS_TOKEN), "the token itself is never logged (S21)");
        assertEquals(OwnerAccount.Source.ACCESS_TOKEN_ONLY, owner.status().source());
        assertTrue(!owner.status().signInEndKnown(), "Spotify does not say when an access token's sign-in ends");
    }

    @Test
    void onceSpotifyRejectsItTheWidgetIsOfflineWithoutFurtherCalls() {
        spotify.stubApi(FakeSpotify.CURRENTLY_PLAYING, FakeSpotify.spotifyError(401, "The access token expired"));
        given().get("/api/now-playing")
                .then()
                .statusCode(200)
                .body("song", Matchers.nullValue())
                .body("offline", Matchers.equalTo(true));
        feed.forget("owner:");
        for (int i = 0; i < 5; i++) {
            given().get("/api/now-playing").then().statusCode(200).body("offline", Matchers.equalTo(true));
        }
        assertEquals(1, spotify.apiCalls(FakeSpotify.CURRENTLY_PLAYING), "no call after Spotify said no");
        assertEquals(0, spotify.tokenCalls());
    }
}
