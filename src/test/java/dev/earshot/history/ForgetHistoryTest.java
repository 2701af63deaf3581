package dev.earshot.history;

import static dev.earshot.history.StoredPlays.episode;
import static dev.earshot.history.StoredPlays.track;
import static dev.earshot.testing.CookieNames.SESSION;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.auth.HeldTokens;
import dev.earshot.testing.FakeSpotify;
import dev.earshot.testing.InjectSpotify;
import dev.earshot.testing.Sessions;
import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * S30: a listener takes everything out, then has Earshot forget it in one step — through the API or the
 * dashboard's confirmation page — and nothing of anyone else goes with it.
 */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
@Tag("database")
class ForgetHistoryTest {

    @InjectSpotify
    FakeSpotify spotify;

    private String listener;
    private String cookie;
    private String otherListener;

    @BeforeEach
    void twoListenersWithHistories() {
        spotify.resetWithSampleListener();
        listener = Sessions.newListenerId();
        cookie = Sessions.sealed(Sessions.ofListener(listener, "Ada Listener"));
        otherListener = Sessions.newListenerId();
        StoredPlays.insert(
                listener,
                track("2024-01-01T10:00:00Z", 200_000, "spotify:track:1", "Mine", "My Band"),
                track("2024-01-02T10:00:00Z", 10_000, "spotify:track:2", "Skipped", "My Band"),
                episode("2024-01-03T10:00:00Z", 1_000_000, "spotify:episode:1", "My Episode", "My Show"));
        StoredPlays.insert(otherListener, track("2024-01-01T10:00:00Z", 200_000, "spotify:track:1", "Theirs", "Them"));
    }

    @Inject
    HeldTokens heldTokens;

    @Inject
    RecordingStore recordings;

    private RequestSpecification signedIn() {
        return given().cookie(SESSION, cookie).redirects().follow(false);
    }

    @Test
    void s30_theExportGivesEverythingBackThenDeleteRemovesEverythingOfThatListenerOnly() throws Exception {
        signedIn()
                .header("Sec-Fetch-Site", "same-origin")
                .accept("application/json")
                .formParam("enabled", "true")
                .post("/api/me/history/recording")
                .then()
                .statusCode(200)
                .body("recording", equalTo(true));
        assertTrue(heldTokens.find(Recording.holder(listener)).isPresent(), "opted in: a token is held");
        JsonNode before = new ObjectMapper()
                .readTree(signedIn()
                        .get("/api/me/history/export?format=json")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray());
        assertEquals(3, before.size(), "every stream, plays or not, music and episodes");

        signedIn()
                .header("Sec-Fetch-Site", "same-origin")
                .delete("/api/me/history")
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("streams", equalTo(3))
                .body("message", equalTo("Earshot no longer holds any of your listening history."));

        signedIn()
                .get("/api/me/history/summary")
                .then()
                .statusCode(200)
                .body("plays", equalTo(0))
                .body("msPlayed", equalTo(0))
                .body("episodes.msPlayed", equalTo(0));
        assertEquals("[]", signedIn().get("/api/me/history/export?format=json").asString());
        assertEquals(
                "ended_at,ms_played,kind,uri,name,artist,album,source\r\n",
                signedIn().get("/api/me/history/export?format=csv").asString());
        assertEquals(0, StoredPlays.count(listener));
        assertEquals(1, StoredPlays.count(otherListener), "another listener's history stays");
        assertTrue(heldTokens.find(Recording.holder(listener)).isEmpty(), "the token held for recording is gone");
        assertTrue(recordings.find(listener).isEmpty(), "recording is off");
    }

    @Test
    void s30_aCrossOriginOrUnmarkedDeleteIsRefusedAndDeletesNothing() {
        for (String[] header : List.of(
                new String[] {"Sec-Fetch-Site", "cross-site"},
                new String[] {"Sec-Fetch-Site", "same-site"},
                new String[] {"Origin", "https://evil.example"},
                new String[] {"Origin", "null"})) {
            signedIn()
                    .header(header[0], header[1])
                    .delete("/api/me/history")
                    .then()
                    .statusCode(403)
                    .contentType("application/json")
                    .body("error", containsString("nothing was changed"));
        }
        signedIn().delete("/api/me/history").then().statusCode(403);
        signedIn()
                .header("Sec-Fetch-Site", "cross-site")
                .formParam("understood", "yes")
                .post("/history/forget")
                .then()
                .statusCode(403)
                .body(containsString("Nothing was deleted"));
        assertEquals(3, StoredPlays.count(listener));
    }

    @Test
    void s30_signedOutDeleteIsA401AndDeletesNothing() {
        given().header("Sec-Fetch-Site", "same-origin")
                .delete("/api/me/history")
                .then()
                .statusCode(401)
                .contentType("application/json");
        given().redirects()
                .follow(false)
                .header("Sec-Fetch-Site", "same-origin")
                .formParam("understood", "yes")
                .post("/history/forget")
                .then()
                .statusCode(303);
        assertEquals(3, StoredPlays.count(listener));
        assertEquals(1, StoredPlays.count(otherListener));
    }

    @Test
    void s30_theDashboardOffersTheExportAndForgettingWithAConfirmationStepAndSaysSoAfterwards() {
        String dashboard =
                signedIn().get("/dashboard").then().statusCode(200).extract().asString();
        assertTrue(dashboard.contains("href=\"/history/forget\""), "the dashboard links to the confirmation page");
        assertTrue(dashboard.contains("/api/me/history/export?format=csv"), "and offers the export first");

        signedIn()
                .get("/history/forget")
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body(containsString("<form method=\"post\" action=\"/history/forget\""))
                .body(containsString("name=\"understood\" value=\"yes\" required"))
                .body(containsString("/api/me/history/export?format=json"));

        signedIn()
                .header("Sec-Fetch-Site", "same-origin")
                .post("/history/forget")
                .then()
                .statusCode(400)
                .body(containsString("tick the box"));
        assertEquals(3, StoredPlays.count(listener), "without the box ticked nothing goes");

        signedIn()
                .header("Sec-Fetch-Site", "same-origin")
                .formParam("understood", "yes")
                .post("/history/forget")
                .then()
                .statusCode(200)
                .body(containsString("Earshot no longer holds any of your listening history."))
                .body(containsString("3 streams deleted"));
        assertEquals(0, StoredPlays.count(listener));
        assertEquals(1, StoredPlays.count(otherListener));
    }

    @Test
    void theConfirmationPageSendsSignedOutVisitorsToTheStart() {
        given().redirects().follow(false).get("/history/forget").then().statusCode(303);
    }
}
