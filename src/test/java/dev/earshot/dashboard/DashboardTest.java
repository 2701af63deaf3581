package dev.earshot.dashboard;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.earshot.testing.CookieNames.SESSION;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.earshot.testing.FakeSpotify;
import dev.earshot.testing.InjectSpotify;
import dev.earshot.testing.Sessions;
import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dashboard over HTTP: every section filled, each failing alone (R09), odd payloads (R06, R07), escaping (S22). */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
class DashboardTest {

    @InjectSpotify
    FakeSpotify spotify;

    private static final Map<String, String> SECTION_MARKERS = Map.of(
            FakeSpotify.CURRENTLY_PLAYING, "Night Drive",
            FakeSpotify.RECENTLY_PLAYED, "Paper Lanterns",
            FakeSpotify.TOP_TRACKS, "Golden Hour Static",
            FakeSpotify.TOP_ARTISTS, "https://open.spotify.com/artist/a1");

    private String cookie;

    @BeforeEach
    void reset() {
        spotify.resetWithSampleListener();
        newListener();
    }

    /** Now playing is cached per listener: a test that changes it mid-way continues as someone new. */
    private void newListener() {
        cookie = Sessions.sealed(Sessions.valid("access-1", "refresh-" + UUID.randomUUID()));
    }

    private Response dashboard(String query) {
        return given().cookie(SESSION, cookie).redirects().follow(false).get("/dashboard" + query);
    }

    @Test
    void everySectionIsFilled() {
        Response page = dashboard("");
        assertEquals(200, page.statusCode());
        page.then()
                .body(containsString("Ada Listener"))
                .body(containsString("https://i.scdn.co/image/avatar64"))
                .body(containsString("Night Drive"))
                .body(containsString("The Lamplighters, Mira Sol"))
                .body(containsString("Neon Rivers"))
                .body(containsString("https://i.scdn.co/image/np300"))
                .body(containsString("<span class=\"np-elapsed\">1:23</span> / <span class=\"np-total\">3:45</span>"))
                // The value moves on by the few milliseconds since Spotify answered.
                .body(Matchers.matchesPattern("(?s).*<progress max=\"225000\" value=\"83\\d{3}\".*"))
                .body(containsString("Playing"))
                .body(containsString("Paper Lanterns"))
                .body(containsString("Кино на рассвете"))
                .body(containsString("夜明けのシグナル"))
                .body(containsString("10 min ago"))
                .body(containsString("Golden Hour Static"))
                .body(containsString("Mira Sol"))
                .body(containsString("2020s"))
                .body(containsString("https://open.spotify.com/track/trk1"))
                .body(containsString("Open in Spotify"))
                .body(containsString("method=\"post\" action=\"/logout\""));
    }

    @Test
    void r09_eachSectionFailsAloneWithAPlainMessage() {
        Map<String, ResponseDefinitionBuilder> faults = Map.of(
                "429", FakeSpotify.spotifyError(429, "API rate limit exceeded").withHeader("Retry-After", "7"),
                "500", FakeSpotify.spotifyError(500, "Server error"),
                "503 html",
                        aResponse()
                                .withStatus(503)
                                .withHeader("Content-Type", "text/html")
                                .withBody("<html>down</html>"),
                "timeout", okJson("{}").withFixedDelay(1500),
                "403", FakeSpotify.spotifyError(403, "Insufficient client scope"),
                "reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                "malformed", okJson("{\"items\": [ {\"track\": "),
                "wrong type", okJson("{\"items\": \"not a list\"}"));
        Map<String, String> messages = Map.of("429", "slow down", "403", "Development Mode");
        for (String path : SECTION_MARKERS.keySet()) {
            for (var fault : faults.entrySet()) {
                spotify.resetWithSampleListener();
                spotify.stubApi(path, fault.getValue());
                newListener();
                Response page = dashboard("");
                String what = path + " answering " + fault.getKey();
                assertEquals(200, page.statusCode(), what);
                String html = page.body().asString();
                assertTrue(!html.contains(SECTION_MARKERS.get(path)), what + ": section empty");
                for (var other : SECTION_MARKERS.entrySet()) {
                    if (!other.getKey().equals(path)) {
                        assertTrue(
                                html.contains(other.getValue()),
                                what + ": other section " + other.getKey() + " still shown");
                    }
                }
                String expected = messages.getOrDefault(fault.getKey(), "answering right now");
                // A currently-playing answer without the fields it needs is simply "nothing playing" (R06).
                if (!(path.equals(FakeSpotify.CURRENTLY_PLAYING)
                        && fault.getKey().equals("wrong type"))) {
                    assertTrue(html.contains(expected), what + ": says why (" + expected + ")");
                }
                assertTrue(!html.contains("Exception") && !html.contains("at dev.earshot"), what + ": no stack trace");
            }
        }
    }

    @Test
    void spotifyCallsForOnePageRunInParallel() {
        for (String path : SECTION_MARKERS.keySet()) {
            spotify.stubApi(path, okJson(FakeSpotify.fixture(fixtureFor(path))).withFixedDelay(600));
        }
        long started = System.nanoTime();
        dashboard("").then().statusCode(200);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 1500, "four 600 ms calls took " + millis + " ms: not one after another");
    }

    private static String fixtureFor(String path) {
        return switch (path) {
            case FakeSpotify.CURRENTLY_PLAYING -> "currently-playing-track.json";
            case FakeSpotify.RECENTLY_PLAYED -> "recently-played.json";
            case FakeSpotify.TOP_TRACKS -> "top-tracks.json";
            default -> "top-artists.json";
        };
    }

    @Test
    void r06_nothingPlayingAdsAndNullItemsAreTheIdleState() {
        for (ResponseDefinitionBuilder answer : List.of(
                aResponse().withStatus(204),
                okJson(FakeSpotify.fixture("currently-playing-ad.json")),
                okJson("{\"is_playing\":false,\"currently_playing_type\":\"unknown\",\"item\":null}"))) {
            spotify.stubApi(FakeSpotify.CURRENTLY_PLAYING, answer);
            newListener();
            dashboard("")
                    .then()
                    .statusCode(200)
                    .body(containsString("Nothing playing right now."))
                    .body(containsString("Golden Hour Static"));
        }
    }

    @Test
    void r06_pausedTrackShowsThePausedState() {
        spotify.stubApi(FakeSpotify.CURRENTLY_PLAYING, okJson(FakeSpotify.fixture("currently-playing-paused.json")));
        dashboard("")
                .then()
                .statusCode(200)
                .body(containsString("data-status=\"paused\""))
                .body(containsString("Paused"))
                .body(containsString("Slow Morning"))
                .body(containsString("1:01</span> / <span class=\"np-total\">3:10"));
    }

    @Test
    void r06_podcastEpisodeShowsTheShowAndPublisher() {
        spotify.stubApi(FakeSpotify.CURRENTLY_PLAYING, okJson(FakeSpotify.fixture("currently-playing-episode.json")));
        dashboard("")
                .then()
                .statusCode(200)
                .body(containsString("How Playlists Learned to Listen"))
                .body(containsString("Backroom Radio"))
                .body(containsString("From Signal &amp; Noise"))
                .body(containsString("Podcast"))
                .body(containsString("21:05</span> / <span class=\"np-total\">1:02:01"));
        spotify.server()
                .verify(getRequestedFor(urlPathEqualTo(FakeSpotify.CURRENTLY_PLAYING))
                        .withQueryParam("additional_types", equalTo("track,episode")));
    }

    @Test
    void nowPlayingCardCarriesEveryStateForItsScript() {
        String playing = dashboard("").body().asString();
        assertTrue(
                playing.contains(
                        "<section class=\"card now-playing\" id=\"now-playing\" aria-labelledby=\"now-playing-title\" "
                                + "data-live-url=\"/api/me/now-playing\" data-poll-ms=\"5000\" data-state=\"playing\">"),
                "live card attributes");
        assertTrue(playing.contains("<div class=\"np\" data-status=\"playing\""), "track block shown");
        assertTrue(
                playing.contains("<div class=\"np-idle\" data-status=\"idle\" hidden>"), "idle block ready but hidden");
        assertTrue(playing.contains("<p class=\"np-notice\" role=\"status\" hidden>"), "notice line ready but hidden");
        assertTrue(
                playing.contains("<p class=\"np-announcer visually-hidden\" aria-live=\"polite\"></p>"),
                "announcer silent at first");
        assertTrue(
                playing.contains("<span class=\"badge np-podcast\" hidden>Podcast</span>"),
                "podcast badge ready but hidden");

        spotify.stubApi(FakeSpotify.CURRENTLY_PLAYING, aResponse().withStatus(204));
        newListener();
        String idle = dashboard("").body().asString();
        assertTrue(idle.contains("data-state=\"idle\""), "idle card");
        assertTrue(idle.contains("<div class=\"np-idle\" data-status=\"idle\">"), "idle block shown");
        assertTrue(idle.contains("<progress value=\"0\""), "empty track block still there for the script");
        assertTrue(idle.contains("data-timestamp-ms=\"0\" hidden>"), "track block hidden");

        spotify.stubApi(FakeSpotify.CURRENTLY_PLAYING, FakeSpotify.spotifyError(500, "Server error"));
        newListener();
        String failed = dashboard("").body().asString();
        assertTrue(failed.contains("data-state=\"unavailable\""), "unavailable card");
        assertTrue(failed.contains("<p class=\"problem\" role=\"status\">"), "says why");
        assertTrue(
                failed.contains("<div class=\"np-idle\" data-status=\"idle\" hidden>")
                        && failed.contains("data-timestamp-ms=\"0\" hidden>"),
                "neither track nor idle shown");
    }

    @Test
    void r06_localFileWithoutIdsOrArtRenders() {
        spotify.stubApi(FakeSpotify.CURRENTLY_PLAYING, okJson(FakeSpotify.fixture("currently-playing-local.json")));
        dashboard("").then().statusCode(200).body(containsString("home-recording.mp3"));
    }

    @Test
    void payloadsWithMissingOptionalFieldsRender() {
        spotify.stubApi(FakeSpotify.CURRENTLY_PLAYING, okJson("{\"is_playing\":true,\"item\":{\"type\":\"track\"}}"));
        spotify.stubApi(
                FakeSpotify.RECENTLY_PLAYED,
                okJson(
                        "{\"items\":[{\"track\":{\"name\":\"Bare\"},\"played_at\":\"2026-11-23T10:00:00Z\"},{\"track\":null},{}]}"));
        spotify.stubApi(FakeSpotify.TOP_TRACKS, okJson("{\"items\":[{\"name\":\"No Album\"},null,{}]}"));
        spotify.stubApi(FakeSpotify.TOP_ARTISTS, okJson("{\"items\":[{\"name\":\"No Genres\"},{\"id\":\"x\"}]}"));
        dashboard("")
                .then()
                .statusCode(200)
                .body(containsString("Untitled track"))
                .body(containsString("Bare"))
                .body(containsString("No Album"))
                .body(containsString("No Genres"))
                .body(containsString("No genre chart: Spotify no longer shares artists' genres"));
    }

    @Test
    void withoutGenresThereIsNoEmptyGenreChartOnlyOneLineSayingWhy() {
        // The sample listener is what Spotify sends Development Mode apps since 2026: artists without genres.
        dashboard("")
                .then()
                .statusCode(200)
                .body(not(containsString("Top genres")))
                .body(containsString(
                        "No genre chart: Spotify no longer shares artists' genres with apps like this one."));
    }

    @Test
    void genresStillMakeAChartWhenSpotifySendsThem() {
        spotify.stubApi(
                FakeSpotify.TOP_ARTISTS,
                okJson("{\"items\":[{\"id\":\"g1\",\"name\":\"Mira Sol\",\"genres\":[\"dream pop\",\"indietronica\"]},"
                        + "{\"id\":\"g2\",\"name\":\"Quiet Harbour\",\"genres\":[\"ambient\",\"dream pop\"]}]}"));
        dashboard("")
                .then()
                .statusCode(200)
                .body(containsString("Top genres"))
                .body(containsString("indietronica"))
                .body(not(containsString("No genre chart")));
    }

    @Test
    void newAccountsGetIntentionalEmptyStates() {
        spotify.stubApi(FakeSpotify.TOP_TRACKS, okJson(FakeSpotify.fixture("empty-page.json")));
        spotify.stubApi(FakeSpotify.TOP_ARTISTS, okJson(FakeSpotify.fixture("empty-page.json")));
        spotify.stubApi(FakeSpotify.RECENTLY_PLAYED, okJson("{\"items\":[]}"));
        spotify.stubApi(FakeSpotify.CURRENTLY_PLAYING, aResponse().withStatus(204));
        dashboard("")
                .then()
                .statusCode(200)
                .body(containsString("No top tracks for this period yet"))
                .body(containsString("No top artists for this period yet"))
                .body(containsString("Nothing played recently"))
                .body(containsString("Nothing playing right now"));
    }

    @Test
    void rangeSwitchAsksSpotifyForThatRangeAndFallsBackToTheDefault() {
        dashboard("?range=short_term")
                .then()
                .statusCode(200)
                .body(containsString("aria-current=\"page\" class=\"range range-active\">Last 4 weeks"));
        spotify.server()
                .verify(getRequestedFor(urlPathEqualTo(FakeSpotify.TOP_TRACKS))
                        .withQueryParam("time_range", equalTo("short_term")));
        spotify.server()
                .verify(getRequestedFor(urlPathEqualTo(FakeSpotify.TOP_ARTISTS))
                        .withQueryParam("time_range", equalTo("short_term")));

        spotify.server().resetRequests();
        dashboard("?range=long_term").then().body(containsString("range-active\">Last 12 months"));
        spotify.server()
                .verify(getRequestedFor(urlPathEqualTo(FakeSpotify.TOP_TRACKS))
                        .withQueryParam("time_range", equalTo("long_term")));

        // Top lists are cached per listener and range: every odd value lands on the one default-range entry.
        spotify.server().resetRequests();
        for (String odd : new String[] {"?range=forever", "?range=", "?range=%3Cscript%3E", ""}) {
            dashboard(odd)
                    .then()
                    .statusCode(200)
                    .body(containsString("range-active\">Last 6 months"))
                    .body(not(containsString("<script>")));
        }
        spotify.server()
                .verify(
                        1,
                        getRequestedFor(urlPathEqualTo(FakeSpotify.TOP_TRACKS))
                                .withQueryParam("time_range", equalTo("medium_term")));
        spotify.server()
                .verify(
                        0,
                        getRequestedFor(urlPathEqualTo(FakeSpotify.TOP_TRACKS))
                                .withQueryParam("time_range", WireMock.notMatching("medium_term")));
    }

    @Test
    void s22_markupInSpotifyNamesIsShownAsText() {
        spotify.stubApi(
                FakeSpotify.TOP_TRACKS,
                okJson(
                        "{\"items\":[{\"name\":\"<demons>\\\"><script>alert(1)</script>\","
                                + "\"artists\":[{\"name\":\"A & B 'quoted' \\u200Fשלום\"}],"
                                + "\"external_urls\":{\"spotify\":\"javascript:alert(1)\"},"
                                + "\"album\":{\"name\":\"x\",\"images\":[{\"url\":\"javascript:alert(2)\",\"width\":300}]}}]}"));
        String html = dashboard("").body().asString();
        assertTrue(html.contains("&lt;demons&gt;&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"), "escaped as text");
        assertTrue(!html.contains("<demons>") && !html.contains("<script>alert"), "no live markup");
        assertTrue(html.contains("A &amp; B &#39;quoted&#39;"), "ampersand and quotes escaped");
        assertTrue(!html.contains("javascript:"), "no javascript: links or images");
    }

    @Test
    void s18_dashboardSendsTheSecurityHeaders() {
        Response page = dashboard("");
        String csp = page.header("Content-Security-Policy");
        assertTrue(csp.contains("script-src 'self'"), csp);
        assertTrue(!csp.contains("unsafe-inline"), csp);
        assertTrue(csp.contains("object-src 'none'"), csp);
        assertTrue(csp.contains("base-uri 'none'"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertEquals("no-store", page.header("Cache-Control"));
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
        assertEquals("no-referrer", page.header("Referrer-Policy"));
        String html = page.body().asString();
        // Script only as files of our own: the live now-playing card's module, no inline code.
        assertTrue(html.contains("<script type=\"module\" src=\"/js/now-playing.js\"></script>"), "live card module");
        String withoutScriptFiles = html.replaceAll("<script type=\"module\" src=\"/js/[a-z-]+\\.js\"></script>", "");
        assertTrue(
                !withoutScriptFiles.contains("<script") && !html.contains("style=\"") && !html.contains("<style"),
                "no inline script or style");
    }
}
