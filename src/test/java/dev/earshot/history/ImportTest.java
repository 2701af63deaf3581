package dev.earshot.history;

import static dev.earshot.history.ExportFiles.array;
import static dev.earshot.history.ExportFiles.audiobook;
import static dev.earshot.history.ExportFiles.blank;
import static dev.earshot.history.ExportFiles.episode;
import static dev.earshot.history.ExportFiles.music;
import static dev.earshot.history.ExportFiles.oldTrack;
import static dev.earshot.history.ExportFiles.podcast;
import static dev.earshot.history.ExportFiles.track;
import static dev.earshot.history.ExportFiles.zip;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.database.Database;
import dev.earshot.demo.SampleExport;
import dev.earshot.testing.CookieNames;
import dev.earshot.testing.Eventually;
import dev.earshot.testing.Sessions;
import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code POST /api/me/history/import} over HTTP into the real database: every rule of the import, and S28. */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
@Tag("database")
class ImportTest {

    private static final String PATH = "/api/me/history/import";
    private static final String EXTENDED = "Spotify Extended Streaming History/";
    private static final String ACCOUNT = "Spotify Account Data/";

    @Inject
    Database database;

    private String listener;
    private String cookie;

    @BeforeEach
    void signIn() {
        listener = Sessions.newListenerId();
        cookie = Sessions.sealed(Sessions.ofListener(listener, "Ada Listener"));
    }

    /** One upload: name -> bytes, in order. */
    private Response upload(Map<String, byte[]> files) {
        RequestSpecification request = given().cookie(CookieNames.SESSION, cookie)
                .header("Sec-Fetch-Site", "same-origin")
                .accept("application/json");
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            request = request.multiPart("file", file.getKey(), file.getValue(), "application/octet-stream");
        }
        return request.post(PATH);
    }

    private Response upload(String name, byte[] bytes) {
        return upload(Map.of(name, bytes));
    }

    private static Map<String, byte[]> files(Object... nameThenBytes) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < nameThenBytes.length; i += 2) {
            files.put((String) nameThenBytes[i], (byte[]) nameThenBytes[i + 1]);
        }
        return files;
    }

    private List<StoredPlays.Stored> stored() {
        return StoredPlays.of(database, listener);
    }

    @Test
    void newAndOldExtendedFilesImportTracksAndEpisodesAndSkipAudiobooksAndEmptyRows() {
        byte[] newer = array(
                track("2024-03-01T10:00:05Z", 200_000, "spotify:track:aaa", "<demons>", "Band \"Q\""),
                episode("2024-03-01T11:00:00Z", 1_800_000, "spotify:episode:eee", "Ep 1", "A Show"),
                audiobook("2024-03-01T12:00:00Z", 600_000),
                blank("2024-03-01T13:00:00Z", 5_000));
        byte[] older = array(oldTrack("2016-05-01T09:00:00Z", 31_000, "spotify:track:ooo", "Old Song", "Old Band"));
        JsonPath answer = upload(files(
                        "Streaming_History_Audio_2024_1.json",
                        newer,
                        "Streaming_History_Audio_2014-2016_0.json",
                        older))
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .extract()
                .jsonPath();
        assertEquals(2, answer.getList("files").size());
        assertEquals("extended", answer.getString("files[0].kind"));
        assertEquals(4, answer.getInt("files[0].rows"));
        assertEquals(2, answer.getInt("files[0].imported"));
        assertEquals(0, answer.getInt("files[0].duplicates"));
        assertEquals(2, answer.getInt("files[0].skipped"));
        assertEquals(null, answer.getString("files[0].error"));
        assertEquals(1, answer.getInt("files[1].imported"));
        assertEquals(3, answer.getInt("plays"));
        assertEquals(200_000 + 1_800_000 + 31_000, answer.getLong("msPlayed"));

        List<StoredPlays.Stored> rows = stored();
        assertEquals(3, rows.size());
        StoredPlays.Stored old = rows.get(0);
        assertEquals(Instant.parse("2016-05-01T09:00:00Z"), old.endedAt());
        assertEquals("Old Song", old.name());
        assertEquals("extended", old.source());
        StoredPlays.Stored song = rows.get(1);
        assertEquals("<demons>", song.name());
        assertEquals("Band \"Q\"", song.artist());
        assertEquals("track", song.kind());
        assertEquals("spotify:track:aaa", song.uri());
        StoredPlays.Stored ep = rows.get(2);
        assertEquals("episode", ep.kind());
        assertEquals("A Show", ep.artist());
        assertEquals("Ep 1", ep.name());
    }

    @Test
    void s30_ipAddressesUserAgentsUsernamesPlatformAndCountryAreNeverStored() {
        upload(
                        "Streaming_History_Audio_2016.json",
                        array(oldTrack("2016-05-01T09:00:00Z", 31_000, "spotify:track:o", "S", "B")))
                .then()
                .statusCode(200);
        String everything = database.inTransaction(connection -> {
            StringBuilder all = new StringBuilder();
            try (var select = connection.prepareStatement("SELECT * FROM play WHERE listener_id = ?")) {
                select.setString(1, listener);
                try (var rows = select.executeQuery()) {
                    while (rows.next()) {
                        for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                            all.append(rows.getString(i)).append('|');
                        }
                    }
                }
            }
            return all.toString();
        });
        assertTrue(everything.contains("spotify:track:o"), everything);
        for (String secret : List.of("secret-username", "198.51.100.7", "secret-agent", "Android OS", "SE|")) {
            assertFalse(everything.contains(secret), secret + " was stored: " + everything);
        }
    }

    @Test
    void aStreamIsAPlayFrom30000MsOnAndListeningTimeSumsEveryStream() {
        JsonPath answer = upload(
                        "Streaming_History_Audio_2024.json",
                        array(
                                track("2024-01-01T10:00:00Z", 29_999, "spotify:track:a", "A", "X"),
                                track("2024-01-01T10:01:00Z", 30_000, "spotify:track:b", "B", "X"),
                                track("2024-01-01T10:02:00Z", 0, "spotify:track:c", "C", "X")))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(3, answer.getInt("files[0].imported"));
        assertEquals(1, answer.getInt("plays"));
        assertEquals(59_999, answer.getLong("msPlayed"));
    }

    @Test
    void theSameStreamCountsOnceWithinAFileAcrossFilesAndAcrossImports() {
        String same = track("2024-01-01T10:00:00Z", 100_000, "spotify:track:s", "Same", "X");
        // Same second, URI and ms played, whatever the milliseconds or the other fields say.
        String sameAgain = oldTrack("2024-01-01T10:00:00Z", 100_000, "spotify:track:s", "Renamed", "Y");
        String other = track("2024-01-01T10:00:00Z", 99_999, "spotify:track:s", "Same", "X");
        JsonPath first = upload(files(
                        "Streaming_History_Audio_2024_0.json",
                        array(same, same, other),
                        "Streaming_History_Audio_2024_1.json",
                        array(sameAgain)))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(2, first.getInt("files[0].imported"));
        assertEquals(1, first.getInt("files[0].duplicates"));
        assertEquals(0, first.getInt("files[1].imported"));
        assertEquals(1, first.getInt("files[1].duplicates"));
        assertEquals(2, first.getInt("plays"));

        JsonPath again = upload("Streaming_History_Audio_2024_0.json", array(same, other))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(0, again.getInt("files[0].imported"));
        assertEquals(2, again.getInt("files[0].duplicates"));
        assertEquals(0, again.getInt("plays"));
        assertEquals(0, again.getLong("msPlayed"));
        assertEquals(2, stored().size());
    }

    @Test
    void anAccountRowAfterItsExtendedTwinIsADuplicate() {
        upload(
                        "Streaming_History_Audio_2024.json",
                        array(
                                track("2024-01-31T18:22:45Z", 180_000, "spotify:track:t", "Song", "Artist"),
                                episode("2024-01-31T19:00:10Z", 600_000, "spotify:episode:e", "Ep", "Show")))
                .then()
                .statusCode(200);
        JsonPath answer = upload(files(
                        "StreamingHistory_music_0.json",
                        array(
                                music("2024-01-31 18:22", "Artist", "Song", 180_000),
                                // Not a twin: another minute, other ms, another name.
                                music("2024-01-31 18:23", "Artist", "Song", 180_000),
                                music("2024-01-31 18:22", "Artist", "Song", 179_999),
                                music("2024-01-31 18:22", "Artist", "Other", 180_000)),
                        "StreamingHistory_podcast_0.json",
                        array(podcast("2024-01-31 19:00", "Show", "Ep", 600_000))))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals("account-music", answer.getString("files[0].kind"));
        assertEquals(3, answer.getInt("files[0].imported"));
        assertEquals(1, answer.getInt("files[0].duplicates"));
        assertEquals("account-podcast", answer.getString("files[1].kind"));
        assertEquals(0, answer.getInt("files[1].imported"));
        assertEquals(1, answer.getInt("files[1].duplicates"));
        assertEquals(5, stored().size());
    }

    @Test
    void anExtendedRowReplacesItsAccountTwinImportedBefore() {
        upload(
                        "StreamingHistory_music_0.json",
                        array(
                                music("2024-01-31 18:22", "Artist", "Song", 180_000),
                                music("2024-01-31 18:30", "Artist", "Alone", 40_000)))
                .then()
                .statusCode(200);
        assertEquals(2, stored().size());
        JsonPath answer = upload(
                        "Streaming_History_Audio_2024.json",
                        array(track("2024-01-31T18:22:45Z", 180_000, "spotify:track:t", "Song", "Artist")))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(0, answer.getInt("files[0].imported"));
        assertEquals(1, answer.getInt("files[0].duplicates"));
        assertEquals(0, answer.getInt("plays"));
        List<StoredPlays.Stored> rows = stored();
        assertEquals(2, rows.size());
        assertEquals("extended", rows.get(0).source(), "the Extended row, which has the URI, is kept");
        assertEquals("spotify:track:t", rows.get(0).uri());
        assertEquals("account", rows.get(1).source());
    }

    @Test
    void inOneUploadTheExtendedFileIsImportedFirstWhateverTheOrder() {
        JsonPath answer = upload(files(
                        "StreamingHistory_music_0.json",
                        array(music("2024-01-31 18:22", "Artist", "Song", 180_000)),
                        "Streaming_History_Audio_2024.json",
                        array(track("2024-01-31T18:22:45Z", 180_000, "spotify:track:t", "Song", "Artist"))))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals("extended", answer.getString("files[0].kind"));
        assertEquals(1, answer.getInt("files[0].imported"));
        assertEquals(1, answer.getInt("files[1].duplicates"));
        assertEquals(1, answer.getInt("plays"));
        assertEquals(1, stored().size());
        assertEquals("extended", stored().get(0).source());
    }

    @Test
    void anImportedStreamReplacesTheRecordedPlayOfTheSameTrackWithinTheTwinWindow() {
        StoredPlays.recorded(database, listener, Instant.parse("2024-05-01T10:00:03.250Z"), "spotify:track:r", "Rec");
        // Same track, outside the window: a separate play.
        StoredPlays.recorded(database, listener, Instant.parse("2024-05-01T10:10:00Z"), "spotify:track:r", "Rec");
        JsonPath answer = upload(
                        "Streaming_History_Audio_2024.json",
                        array(
                                track("2024-05-01T10:00:00Z", 95_000, "spotify:track:r", "Rec", "Artist"),
                                track("2024-05-01T10:09:40Z", 50_000, "spotify:track:other", "Other", "Artist")))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(1, answer.getInt("files[0].imported"));
        assertEquals(1, answer.getInt("files[0].duplicates"));
        List<StoredPlays.Stored> rows = stored();
        assertEquals(3, rows.size(), rows.toString());
        assertEquals("extended", rows.get(0).source());
        assertEquals(95_000, rows.get(0).msPlayed(), "the export's true ms played is kept");
        assertEquals("recorded", rows.get(2).source());
    }

    @Test
    void theExportZipAsSpotifySendsItImportsItsHistoryAndIgnoresTheRest() {
        byte[] export = zip(files(
                EXTENDED + "Streaming_History_Audio_2023-2024_0.json",
                array(track("2024-01-31T18:22:45Z", 180_000, "spotify:track:t", "Song", "Artist")),
                EXTENDED + "Streaming_History_Video_2023-2024.json",
                array("{\"ts\":\"2024-01-01T00:00:00Z\"}"),
                EXTENDED + "ReadMeFirst_ExtendedStreamingHistory.pdf",
                "%PDF-1.4".getBytes(StandardCharsets.US_ASCII),
                ACCOUNT + "StreamingHistory_music_0.json",
                array(music("2024-01-31 18:22", "Artist", "Song", 180_000), music("2024-02-01 08:00", "A", "B", 5_000)),
                ACCOUNT + "Userdata.json",
                "{\"username\":\"x\"}".getBytes(StandardCharsets.UTF_8)));
        JsonPath answer = upload("my_spotify_data.zip", export)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        for (Map<String, Object> file : answer.<Map<String, Object>>getList("files")) {
            byName.put((String) file.get("name"), file);
        }
        assertEquals(
                "ignored",
                byName.get(EXTENDED + "Streaming_History_Video_2023-2024.json").get("kind"));
        assertEquals(
                "ignored",
                byName.get(EXTENDED + "ReadMeFirst_ExtendedStreamingHistory.pdf")
                        .get("kind"));
        assertEquals("ignored", byName.get(ACCOUNT + "Userdata.json").get("kind"));
        assertEquals(
                1,
                byName.get(EXTENDED + "Streaming_History_Audio_2023-2024_0.json")
                        .get("imported"));
        Map<String, Object> music = byName.get(ACCOUNT + "StreamingHistory_music_0.json");
        assertEquals(1, music.get("imported"));
        assertEquals(1, music.get("duplicates"));
        assertEquals(5, byName.size());
        assertEquals(2, stored().size());
    }

    @Test
    void s28_aFileThatIsNotJsonIsNamedWithAReasonWhileTheOtherFilesImport() {
        Response response = upload(files(
                "Streaming_History_Audio_2020.json",
                "[{\"ts\": \"2020-01-01T00:00:00Z\", \"ms_played\": 1000, oops".getBytes(StandardCharsets.UTF_8),
                "Streaming_History_Audio_2021.json",
                array(track("2021-01-01T00:00:00Z", 60_000, "spotify:track:ok", "Ok", "X")),
                "StreamingHistory_music_0.json",
                "{\"endTime\":\"x\"}".getBytes(StandardCharsets.UTF_8)));
        response.then().statusCode(422);
        JsonPath answer = response.jsonPath();
        assertTrue(answer.getString("files[0].error").contains("not valid JSON"), answer.prettify());
        assertEquals(0, answer.getInt("files[0].imported"));
        assertEquals(null, answer.getString("files[1].error"));
        assertEquals(1, answer.getInt("files[1].imported"));
        assertTrue(answer.getString("files[2].error").contains("not a list of streams"), answer.prettify());
        assertEquals(1, answer.getInt("plays"));
        assertEquals(1, stored().size());
    }

    @Test
    void s28_aFileThatTurnsInvalidHalfwayLeavesNothingOfItBehind() {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            rows.add(track(
                    Instant.parse("2022-01-01T00:00:00Z").plusSeconds(60L * i).toString(),
                    45_000,
                    "spotify:track:n" + i,
                    "N" + i,
                    "X"));
        }
        rows.add("{\"ts\":\"2022-12-01T00:00:00Z\",\"ms_played\":\"not a number\"}");
        JsonPath answer = upload("Streaming_History_Audio_2022.json", array(rows.toArray(String[]::new)))
                .then()
                .statusCode(422)
                .extract()
                .jsonPath();
        assertTrue(answer.getString("files[0].error").contains("Item 2501"), answer.prettify());
        assertTrue(answer.getString("files[0].error").contains("Nothing of this file was imported"));
        assertEquals(0, stored().size(), "the 2,500 rows before the bad one (two batches and a half) are gone");
        given().cookie(CookieNames.SESSION, cookie)
                .get("/history/import")
                .then()
                .statusCode(200)
                .body(containsString("Nothing imported yet."));
    }

    @Test
    void s28_aZipBombIsRefusedByNameWhileTheOtherEntriesImport() {
        byte[] bomb = new byte[40 << 20];
        Arrays.fill(bomb, (byte) ' ');
        bomb[0] = '[';
        bomb[bomb.length - 1] = ']';
        byte[] export = zip(files(
                EXTENDED + "Streaming_History_Audio_2019_0.json",
                bomb,
                EXTENDED + "Streaming_History_Audio_2020_1.json",
                array(track("2020-01-01T00:00:00Z", 60_000, "spotify:track:ok", "Ok", "X"))));
        assertTrue(export.length < 1 << 20, "the bomb packs small: " + export.length);
        JsonPath answer = upload("my_spotify_data.zip", export)
                .then()
                .statusCode(422)
                .extract()
                .jsonPath();
        assertEquals(EXTENDED + "Streaming_History_Audio_2019_0.json", answer.getString("files[0].name"));
        assertEquals(0, answer.getInt("files[0].imported"));
        assertEquals(EXTENDED + "Streaming_History_Audio_2020_1.json", answer.getString("files[1].name"));
        assertEquals(1, answer.getInt("files[1].imported"));
        assertTrue(answer.getString("files[0].error").contains("zip bomb"), answer.prettify());
        assertEquals(1, stored().size());
    }

    @Test
    void s28_entriesWithTraversalOrAbsoluteNamesAndUnknownFilesAreRefusedByName() {
        byte[] history = array(track("2020-01-01T00:00:00Z", 60_000, "spotify:track:x", "X", "X"));
        byte[] export = zip(files(
                "../Streaming_History_Audio_2020_0.json",
                history,
                "/etc/Streaming_History_Audio_2020_1.json",
                history,
                EXTENDED + "../../Streaming_History_Audio_2020_2.json",
                history,
                "evil.sh",
                "rm -rf /".getBytes(StandardCharsets.US_ASCII),
                EXTENDED + "Streaming_History_Audio_2020_3.json",
                history));
        JsonPath answer = upload("my_spotify_data.zip", export)
                .then()
                .statusCode(422)
                .extract()
                .jsonPath();
        List<Map<String, Object>> files = answer.getList("files");
        assertEquals(5, files.size(), answer.prettify());
        for (int i = 0; i < 3; i++) {
            assertTrue(((String) files.get(i).get("error")).contains("points outside"), answer.prettify());
        }
        assertEquals("evil.sh", files.get(3).get("name"));
        assertTrue(((String) files.get(3).get("error")).contains("Not a file of Spotify's data export"));
        assertEquals(1, files.get(4).get("imported"));
        assertEquals(1, stored().size());
    }

    @Test
    void s28_anUnknownUploadIsNamedAndTheOthersImport() {
        JsonPath answer = upload(files(
                        "holiday.jpg",
                        new byte[] {1, 2, 3},
                        "Streaming_History_Audio_2020.json",
                        array(track("2020-01-01T00:00:00Z", 60_000, "spotify:track:x", "X", "X"))))
                .then()
                .statusCode(422)
                .extract()
                .jsonPath();
        assertEquals("holiday.jpg", answer.getString("files[0].name"));
        assertEquals("unknown", answer.getString("files[0].kind"));
        assertTrue(answer.getString("files[0].error").contains("Not a file of Spotify's data export"));
        assertEquals(1, answer.getInt("files[1].imported"));
    }

    @Test
    void s28_aFileOverThePerFileLimitIsRefusedUnread() {
        byte[] huge = new byte[(64 << 20) + 1];
        Arrays.fill(huge, (byte) ' ');
        huge[0] = '[';
        huge[huge.length - 1] = ']';
        JsonPath answer = upload(files(
                        "Streaming_History_Audio_2019.json",
                        huge,
                        "Streaming_History_Audio_2020.json",
                        array(track("2020-01-01T00:00:00Z", 60_000, "spotify:track:x", "X", "X"))))
                .then()
                .statusCode(422)
                .extract()
                .jsonPath();
        assertTrue(answer.getString("files[0].error").contains("larger than 64 MB"), answer.prettify());
        assertEquals(1, answer.getInt("files[1].imported"));
    }

    @Test
    void s28_aZipWithTooManyEntriesIsRefused() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < 501; i++) {
            entries.put("Spotify Account Data/Other" + i + ".json", new byte[] {'{', '}'});
        }
        JsonPath answer = upload("my_spotify_data.zip", zip(entries))
                .then()
                .statusCode(422)
                .extract()
                .jsonPath();
        assertEquals(1, answer.getList("files").size());
        assertTrue(answer.getString("files[0].error").contains("501 entries"), answer.prettify());
    }

    @Test
    void s28_otherPathsRefuseLargeBodiesBeforeReadingThem() {
        given().header("Sec-Fetch-Site", "same-origin")
                .contentType("application/octet-stream")
                .body(new byte[(1 << 20) + 1])
                .post("/logout")
                .then()
                .statusCode(413);
        given().redirects()
                .follow(false)
                .header("Sec-Fetch-Site", "same-origin")
                .contentType("application/x-www-form-urlencoded")
                .body("enabled=true")
                .post("/logout")
                .then()
                .statusCode(303);
    }

    @Test
    void s28_aCrossOriginUploadIsRefusedWith403AndNothingImported() {
        given().cookie(CookieNames.SESSION, cookie)
                .header("Sec-Fetch-Site", "cross-site")
                .accept("application/json")
                .multiPart(
                        "file",
                        "Streaming_History_Audio_2020.json",
                        array(track("2020-01-01T00:00:00Z", 60_000, "spotify:track:x", "X", "X")))
                .post(PATH)
                .then()
                .statusCode(403)
                .body("error", not(nullValue()));
        given().cookie(CookieNames.SESSION, cookie)
                .header("Origin", "https://evil.example")
                .accept("application/json")
                .multiPart(
                        "file",
                        "Streaming_History_Audio_2020.json",
                        array(track("2020-01-01T00:00:00Z", 60_000, "spotify:track:x", "X", "X")))
                .post(PATH)
                .then()
                .statusCode(403);
        assertEquals(0, stored().size());
    }

    @Test
    void s28_aSignedOutUploadIs401() {
        given().header("Sec-Fetch-Site", "same-origin")
                .accept("application/json")
                .multiPart(
                        "file",
                        "Streaming_History_Audio_2020.json",
                        array(track("2020-01-01T00:00:00Z", 60_000, "spotify:track:x", "X", "X")))
                .post(PATH)
                .then()
                .statusCode(401)
                .body("error", containsString("Sign in"));
    }

    @Test
    void withoutJavaScriptTheFormPostGetsThePageWithTheResultAndThePastImports() {
        String html = given().cookie(CookieNames.SESSION, cookie)
                .header("Sec-Fetch-Site", "same-origin")
                .accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .multiPart(
                        "file",
                        "Streaming_History_Audio_2020.json",
                        array(track("2020-01-01T00:00:00Z", 60_000, "spotify:track:x", "<b>Bold</b>", "X")))
                .multiPart("file", "notes.txt", "hello".getBytes(StandardCharsets.UTF_8))
                .post(PATH)
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("Cache-Control", containsString("no-store"))
                .extract()
                .asString();
        assertTrue(html.contains("1 new plays"), html);
        assertTrue(html.contains("notes.txt"), html);
        assertTrue(
                html.contains("Not a file of Spotify&#39;s data export")
                        || html.contains("Not a file of Spotify's data export"),
                html);
        assertTrue(html.contains("Past imports"), html);
        assertTrue(html.contains("IP addresses, user agents, usernames"), html);
    }

    @Test
    void theImportPageNeedsASignInAndTheDashboardLinksToIt() {
        given().redirects().follow(false).get("/history/import").then().statusCode(303);
        given().cookie(CookieNames.SESSION, cookie)
                .get("/history/import")
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body(containsString("id=\"import-form\""))
                .body(containsString("never stored"))
                .body(not(containsString("Try import with sample data")));
    }

    @Test
    void theDemosSampleExportImportsWithItsAccountDataAllTwinsOfItsExtendedRows() throws Exception {
        ByteArrayOutputStream export = new ByteArrayOutputStream();
        SampleExport.write(export, SampleExport.DEMO_SEED, SampleExport.DEMO_ROWS);
        JsonPath answer = upload("my_spotify_data.zip", export.toByteArray())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        long rows = 0;
        long imported = 0;
        long skipped = 0;
        for (Map<String, Object> file : answer.<Map<String, Object>>getList("files")) {
            String name = (String) file.get("name");
            if (name.startsWith(EXTENDED + "Streaming_History_Audio_")) {
                rows += (Integer) file.get("rows");
                imported += (Integer) file.get("imported");
                skipped += (Integer) file.get("skipped");
            } else if (name.startsWith(ACCOUNT + "StreamingHistory_")) {
                assertEquals(0, file.get("imported"), name + " repeats the last year of the Extended history");
                assertTrue((Integer) file.get("duplicates") > 100, name);
            } else {
                assertEquals("ignored", file.get("kind"), name);
            }
        }
        assertEquals(SampleExport.DEMO_ROWS, rows);
        assertTrue(skipped > 0, "audiobook and empty rows are skipped");
        assertEquals(rows - skipped, imported);
        assertEquals(imported, stored().size());
        assertTrue(stored().stream().anyMatch(play -> play.artist().equals("<demons>")));
    }

    @Test
    void s28_uploadsGoToTheScratchDirectoryUnderTheDataDirAndAreDeletedAfterTheImport() throws Exception {
        Path scratch = Path.of("target", "test-data", "uploads");
        upload(
                        "Streaming_History_Audio_2020.json",
                        array(track("2020-01-01T00:00:00Z", 60_000, "spotify:track:x", "X", "X")))
                .then()
                .statusCode(200);
        assertTrue(Files.isDirectory(scratch), "the scratch directory is under EARSHOT_DATA_DIR");
        Eventually.within(Duration.ofSeconds(5), "uploads deleted", () -> {
            try (var files = Files.list(scratch)) {
                return files.findAny().isEmpty();
            } catch (IOException e) {
                return false;
            }
        });
    }

    @Test
    void noFileAtAllIsA400() {
        given().cookie(CookieNames.SESSION, cookie)
                .header("Sec-Fetch-Site", "same-origin")
                .accept("application/json")
                .multiPart("other", "x")
                .post(PATH)
                .then()
                .statusCode(400)
                .body("error", equalTo("Send one or more parts named \"file\"."));
    }
}
