package dev.earshot.history;

import static dev.earshot.history.StoredPlays.accountTrack;
import static dev.earshot.history.StoredPlays.episode;
import static dev.earshot.history.StoredPlays.track;
import static dev.earshot.testing.CookieNames.SESSION;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.testing.Sessions;
import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code GET /api/me/history/export}: everything back, as CSV or JSON, with hostile names kept harmless. */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
@Tag("database")
class HistoryExportTest {

    static final String HOSTILE_NAME = "=HYPERLINK(\"https://evil.example\",\"click\")";

    private String listener;
    private String cookie;

    @BeforeEach
    void newListener() {
        listener = Sessions.newListenerId();
        cookie = Sessions.sealed(Sessions.ofListener(listener, "Ada Listener"));
    }

    private void storeAssortedStreams() {
        StoredPlays.insert(
                listener,
                track("2024-01-02T03:04:05Z", 12_345, "spotify:track:1", HOSTILE_NAME, "+Plus, \"the\" Band"),
                track("2024-01-01T00:00:00Z", 29_999, "spotify:track:2", "<demons>\nsecond line", "@handle"),
                accountTrack("2024-01-03T10:00:00Z", 60_000, "-minus 🎸", "Ünïcödé"),
                episode("2024-01-04T10:00:00Z", 1_800_000, "spotify:episode:9", "Episode, 9", "The Show"));
    }

    private Response export(String format) {
        return given().cookie(SESSION, cookie).get("/api/me/history/export?format=" + format);
    }

    @Test
    void csvHasAHeaderRowEveryStreamOldestFirstRfc4180QuotingAndDefusedFormulas() {
        storeAssortedStreams();

        Response response = export("csv");

        response.then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Cache-Control", containsString("no-store"))
                .header(
                        "Content-Disposition",
                        matchesPattern("attachment; filename=\"earshot-history-\\d{4}-\\d{2}-\\d{2}\\.csv\""));
        String body = new String(response.asByteArray(), StandardCharsets.UTF_8);
        assertEquals(
                "ended_at,ms_played,kind,uri,name,artist,album,source\r\n"
                        + "2024-01-01T00:00:00Z,29999,track,spotify:track:2,\"<demons>\nsecond line\",'@handle,"
                        + "\"Album of <demons>\nsecond line\",extended\r\n"
                        + "2024-01-02T03:04:05Z,12345,track,spotify:track:1,"
                        + "\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"click\"\")\",\"'+Plus, \"\"the\"\" Band\","
                        + "\"Album of =HYPERLINK(\"\"https://evil.example\"\",\"\"click\"\")\",extended\r\n"
                        + "2024-01-03T10:00:00Z,60000,track,,'-minus 🎸,Ünïcödé,,account\r\n"
                        + "2024-01-04T10:00:00Z,1800000,episode,spotify:episode:9,\"Episode, 9\",The Show,,extended\r\n",
                body);
    }

    @Test
    void jsonIsAnArrayOfObjectsWithEveryColumnAndNamesExactlyAsStored() throws Exception {
        storeAssortedStreams();

        Response response = export("json");

        response.then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .header(
                        "Content-Disposition",
                        matchesPattern("attachment; filename=\"earshot-history-\\d{4}-\\d{2}-\\d{2}\\.json\""));
        JsonNode streams = new ObjectMapper().readTree(response.asByteArray());
        assertEquals(4, streams.size());
        JsonNode first = streams.get(1);
        assertEquals("2024-01-02T03:04:05Z", first.get("ended_at").asText());
        assertEquals(12_345, first.get("ms_played").asLong());
        assertEquals("track", first.get("kind").asText());
        assertEquals("spotify:track:1", first.get("uri").asText());
        assertEquals(HOSTILE_NAME, first.get("name").asText(), "JSON is data, not a spreadsheet: kept as it is");
        assertEquals("+Plus, \"the\" Band", first.get("artist").asText());
        assertEquals("Album of " + HOSTILE_NAME, first.get("album").asText());
        assertEquals("extended", first.get("source").asText());
        JsonNode account = streams.get(2);
        assertEquals("-minus 🎸", account.get("name").asText());
        assertEquals(true, account.get("uri").isNull());
        assertEquals(true, account.get("album").isNull());
        assertEquals("account", account.get("source").asText());
        assertEquals("episode", streams.get(3).get("kind").asText());
        List<String> fields = new ArrayList<>();
        first.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("ended_at", "ms_played", "kind", "uri", "name", "artist", "album", "source"), fields);
    }

    @Test
    void anEmptyHistoryIsAHeaderOrAnEmptyArray() {
        assertEquals(
                "ended_at,ms_played,kind,uri,name,artist,album,source\r\n",
                export("csv").then().statusCode(200).extract().asString());
        assertEquals("[]", export("json").then().statusCode(200).extract().asString());
    }

    @Test
    void anotherListenersStreamsAreNotInTheExport() {
        StoredPlays.insert(
                Sessions.newListenerId(), track("2024-05-01T12:00:00Z", 200_000, "spotify:track:1", "Theirs", "Them"));

        assertEquals("[]", export("json").then().statusCode(200).extract().asString());
    }

    @Test
    void anUnknownFormatIsA400AndSignedOutIsA401() {
        for (String format : List.of("xml", "", "csv%00")) {
            export(format)
                    .then()
                    .statusCode(400)
                    .contentType("application/json")
                    .body("error", containsString("csv or json"));
        }
        given().cookie(SESSION, cookie).get("/api/me/history/export").then().statusCode(400);
        given().redirects()
                .follow(false)
                .get("/api/me/history/export?format=csv")
                .then()
                .statusCode(401)
                .contentType("application/json");
    }
}
