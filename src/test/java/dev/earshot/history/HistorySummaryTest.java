package dev.earshot.history;

import static dev.earshot.history.StoredPlays.accountTrack;
import static dev.earshot.history.StoredPlays.episode;
import static dev.earshot.history.StoredPlays.track;
import static dev.earshot.testing.CookieNames.SESSION;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.earshot.testing.Sessions;
import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code GET /api/me/history/summary} over HTTP, on hand-made plays in the configured database. */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
@Tag("database")
class HistorySummaryTest {

    private String listener;
    private String cookie;

    @BeforeEach
    void newListener() {
        listener = Sessions.newListenerId();
        cookie = Sessions.sealed(Sessions.ofListener(listener, "Ada Listener"));
    }

    private JsonPath summary(String query) {
        return given().cookie(SESSION, cookie)
                .get("/api/me/history/summary" + query)
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .extract()
                .jsonPath();
    }

    @Test
    void anEmptyHistoryIsAllZerosWithEmptyLists() {
        given().cookie(SESSION, cookie)
                .get("/api/me/history/summary")
                .then()
                .statusCode(200)
                .body("from", nullValue())
                .body("to", nullValue())
                .body("tz", equalTo("UTC"))
                .body("plays", equalTo(0))
                .body("msPlayed", equalTo(0))
                .body("distinctTracks", equalTo(0))
                .body("distinctArtists", equalTo(0))
                .body("topArtists", hasSize(0))
                .body("topTracks", hasSize(0))
                .body("episodes.plays", equalTo(0))
                .body("episodes.msPlayed", equalTo(0));
    }

    @Test
    void onePlayIsOnePlayOfOneTrackByOneArtist() {
        StoredPlays.insert(listener, track("2024-05-01T12:00:00Z", 200_000, "spotify:track:1", "Song", "Band"));

        JsonPath all = summary("?from=2024-05-01&to=2024-05-02");

        assertEquals("2024-05-01", all.getString("from"));
        assertEquals("2024-05-02", all.getString("to"));
        assertEquals(1, all.getInt("plays"));
        assertEquals(200_000, all.getLong("msPlayed"));
        assertEquals(1, all.getInt("distinctTracks"));
        assertEquals(1, all.getInt("distinctArtists"));
        assertEquals("Band", all.getString("topArtists[0].name"));
        assertEquals(1, all.getInt("topArtists[0].plays"));
        assertEquals(200_000, all.getLong("topArtists[0].msPlayed"));
        assertEquals("Song", all.getString("topTracks[0].name"));
        assertEquals("Band", all.getString("topTracks[0].artist"));
        assertEquals("spotify:track:1", all.getString("topTracks[0].uri"));
        assertEquals(0, summary("?from=2024-05-02").getInt("plays"), "the next day has nothing");
    }

    @Test
    void aStreamBecomesAPlayAtThirtySecondsAndEveryStreamCountsTowardsListeningTime() {
        StoredPlays.insert(
                listener,
                track("2024-05-01T12:00:00Z", 29_999, "spotify:track:short", "Skipped", "Skipper"),
                track("2024-05-01T12:05:00Z", 30_000, "spotify:track:long", "Heard", "Listener Band"));

        JsonPath all = summary("");

        assertEquals(1, all.getInt("plays"));
        assertEquals(59_999, all.getLong("msPlayed"));
        assertEquals(1, all.getInt("distinctTracks"), "a track without a play is not counted");
        assertEquals(1, all.getInt("distinctArtists"), "an artist without a play is not counted");
        assertEquals(List.of("Heard"), all.getList("topTracks.name"));
        assertEquals(List.of("Listener Band"), all.getList("topArtists.name"));
    }

    @Test
    void aDayInBerlinIs23HoursLongWhenClocksGoForwardAnd25WhenTheyGoBack() {
        StoredPlays.insert(
                listener,
                // 2024-03-31, clocks go forward at 02:00 CET: the day is 2024-03-30T23:00Z .. 2024-03-31T22:00Z.
                track("2024-03-30T22:59:59Z", 60_000, "spotify:track:m1", "March before", "A"), // 23:59:59 on the 30th
                track("2024-03-30T23:00:00Z", 60_000, "spotify:track:m2", "March first", "A"), // 00:00 on the 31st
                track("2024-03-31T21:59:59Z", 60_000, "spotify:track:m3", "March last", "A"), // 23:59:59 CEST
                track("2024-03-31T22:00:00Z", 60_000, "spotify:track:m4", "March after", "A"), // 00:00 on 1 April
                // 2024-10-27, clocks go back at 03:00 CEST: the day is 2024-10-26T22:00Z .. 2024-10-27T23:00Z.
                track("2024-10-26T21:59:59Z", 60_000, "spotify:track:o1", "October before", "B"),
                track("2024-10-26T22:00:00Z", 60_000, "spotify:track:o2", "October first", "B"),
                track("2024-10-27T22:30:00Z", 60_000, "spotify:track:o3", "October last", "B"), // 23:30 CET
                track("2024-10-27T23:00:00Z", 60_000, "spotify:track:o4", "October after", "B"));

        JsonPath march = summary("?from=2024-03-31&to=2024-04-01&tz=Europe/Berlin&limit=50");
        JsonPath october = summary("?from=2024-10-27&to=2024-10-28&tz=Europe/Berlin&limit=50");

        assertEquals("Europe/Berlin", march.getString("tz"));
        assertEquals(List.of("March first", "March last"), sorted(march.getList("topTracks.name")));
        assertEquals(List.of("October first", "October last"), sorted(october.getList("topTracks.name")));
        assertEquals(
                4,
                summary("?from=2024-03-31&to=2024-04-01&limit=50").getInt("plays")
                        + summary("?from=2024-10-27&to=2024-10-28&limit=50").getInt("plays"),
                "the same days in UTC hold other plays");
    }

    @Test
    void aPlayAt2330UtcIsTheNextDayInTokyo() {
        StoredPlays.insert(listener, track("2024-06-01T23:30:00Z", 180_000, "spotify:track:t", "Late", "Night"));

        assertEquals(1, summary("?from=2024-06-02&to=2024-06-03&tz=Asia/Tokyo").getInt("plays"));
        assertEquals(0, summary("?from=2024-06-01&to=2024-06-02&tz=Asia/Tokyo").getInt("plays"));
        assertEquals(1, summary("?from=2024-06-01&to=2024-06-02").getInt("plays"), "in UTC it is the 1st");
    }

    @Test
    void tiesRankByListeningTimeThenByName() {
        StoredPlays.insert(
                listener,
                // Two plays each; "Bee" has more time; "apple" and "Cherry" tie on time and sort by name, case aside.
                track("2024-01-01T10:00:00Z", 40_000, "spotify:track:c", "Cherry", "Zed"),
                track("2024-01-01T11:00:00Z", 40_000, "spotify:track:c", "Cherry", "Zed"),
                track("2024-01-01T12:00:00Z", 40_000, "spotify:track:a", "apple", "yak"),
                track("2024-01-01T13:00:00Z", 40_000, "spotify:track:a", "apple", "yak"),
                track("2024-01-01T14:00:00Z", 50_000, "spotify:track:b", "Bee", "Xu"),
                track("2024-01-01T15:00:00Z", 40_000, "spotify:track:b", "Bee", "Xu"),
                // Three plays but the least time: more plays rank first whatever the time.
                track("2024-01-01T16:00:00Z", 30_000, "spotify:track:d", "Drone", "Wu"),
                track("2024-01-01T17:00:00Z", 30_000, "spotify:track:d", "Drone", "Wu"),
                track("2024-01-01T18:00:00Z", 30_000, "spotify:track:d", "Drone", "Wu"));

        JsonPath all = summary("");

        assertEquals(List.of("Drone", "Bee", "apple", "Cherry"), all.getList("topTracks.name"));
        assertEquals(List.of("Wu", "Xu", "yak", "Zed"), all.getList("topArtists.name"));
        assertEquals(List.of("Drone", "Bee"), summary("?limit=2").getList("topTracks.name"));
    }

    @Test
    void episodesAreCountedApartFromMusic() {
        StoredPlays.insert(
                listener,
                track("2024-02-01T10:00:00Z", 100_000, "spotify:track:m", "Music", "Musician"),
                episode("2024-02-01T11:00:00Z", 1_800_000, "spotify:episode:e1", "Episode 1", "The Show"),
                episode("2024-02-01T12:00:00Z", 10_000, "spotify:episode:e2", "Episode 2", "The Show"));

        JsonPath all = summary("");

        assertEquals(1, all.getInt("plays"));
        assertEquals(100_000, all.getLong("msPlayed"));
        assertEquals(1, all.getInt("distinctTracks"));
        assertEquals(List.of("Musician"), all.getList("topArtists.name"), "a show is not an artist");
        assertEquals(1, all.getInt("episodes.plays"));
        assertEquals(1_810_000, all.getLong("episodes.msPlayed"));
    }

    @Test
    void accountDataRowsWithoutUriCountWithTheSameTrackByArtistAndName() {
        StoredPlays.insert(
                listener,
                accountTrack("2023-12-01T10:00:00Z", 60_000, "Same Song", "Same Band"),
                track("2023-12-02T10:00:00Z", 60_000, "spotify:track:same", "Same Song", "Same Band"),
                accountTrack("2023-12-03T10:00:00Z", 60_000, "Only In Account Data", "Same Band"),
                // Another artist's song of the same name is another track.
                accountTrack("2023-12-04T10:00:00Z", 60_000, "Same Song", "Other Band"));

        JsonPath all = summary("");

        assertEquals(4, all.getInt("plays"));
        assertEquals(3, all.getInt("distinctTracks"));
        assertEquals(2, all.getInt("distinctArtists"));
        assertEquals("Same Song", all.getString("topTracks[0].name"));
        assertEquals("Same Band", all.getString("topTracks[0].artist"));
        assertEquals(2, all.getInt("topTracks[0].plays"));
        assertEquals("spotify:track:same", all.getString("topTracks[0].uri"), "the URI, known from one of its rows");
        assertEquals(null, all.getString("topTracks.find { it.name == 'Only In Account Data' }.uri"));
        assertEquals(3, all.getInt("topArtists[0].plays"));
    }

    @Test
    void markupQuotesEmojiAndVeryLongNamesComeBackExactlyInJson() {
        String longName = "🎵".repeat(PlayRow.MAX_NAME_CODE_POINTS);
        StoredPlays.insert(
                listener,
                track(
                        "2024-04-01T10:00:00Z",
                        90_000,
                        "spotify:track:x",
                        "<demons> \"quoted\" & 'single' 🎸",
                        "<b>Bold</b>"),
                track("2024-04-01T11:00:00Z", 60_000, "spotify:track:y", longName, "Ünïcödé \\ back\\slash"));

        JsonPath all = summary("");

        assertEquals("<demons> \"quoted\" & 'single' 🎸", all.getString("topTracks[0].name"));
        assertEquals("<b>Bold</b>", all.getString("topTracks[0].artist"));
        assertEquals(longName, all.getString("topTracks[1].name"));
        assertEquals("Ünïcödé \\ back\\slash", all.getString("topArtists[1].name"));
    }

    @Test
    void badInputIsA400WithAPlainExplanation() {
        for (String query : List.of(
                "?tz=Mars/Olympus_Mons",
                "?from=2024-02-30",
                "?from=2024-1-1",
                "?to=yesterday",
                "?from=+12024-01-01",
                "?from=2024-05-01&to=2024-05-01",
                "?from=2024-05-02&to=2024-05-01",
                "?limit=0",
                "?limit=51",
                "?limit=ten")) {
            given().cookie(SESSION, cookie)
                    .get("/api/me/history/summary" + query)
                    .then()
                    .statusCode(400)
                    .contentType("application/json")
                    .body("error", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString()));
        }
        given().cookie(SESSION, cookie)
                .get("/api/me/history/summary?tz=Mars/Olympus_Mons")
                .then()
                .body("error", containsString("time zone"));
        given().cookie(SESSION, cookie)
                .get("/api/me/history/summary?limit=51")
                .then()
                .body("error", containsString("from 1 to 50"));
    }

    @Test
    void signedOutIsA401() {
        given().get("/api/me/history/summary")
                .then()
                .statusCode(401)
                .contentType("application/json")
                .body("error", containsString("Sign in"));
    }

    @Test
    void anotherListenersPlaysAreNeverCounted() {
        StoredPlays.insert(
                Sessions.newListenerId(), track("2024-05-01T12:00:00Z", 200_000, "spotify:track:1", "Theirs", "Them"));

        assertEquals(0, summary("").getInt("plays"));
    }

    private static List<String> sorted(List<String> names) {
        return names.stream().sorted().toList();
    }
}
