package dev.earshot.historypages;

import static dev.earshot.history.StoredPlays.episode;
import static dev.earshot.history.StoredPlays.track;
import static dev.earshot.testing.CookieNames.SESSION;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.history.HistoryPeriod;
import dev.earshot.history.PlayRow;
import dev.earshot.history.StoredPlays;
import dev.earshot.testing.Sessions;
import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code GET /history} and {@code GET /history/artist} over HTTP, on hand-made plays in the configured database. */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
@Tag("database")
class HistoryPageTest {

    private static final long THREE_MIN = 200_000;

    @Inject
    HistoryPage page;

    private String listener;
    private String cookie;

    @BeforeEach
    void newListener() {
        listener = Sessions.newListenerId();
        cookie = Sessions.sealed(Sessions.ofListener(listener, "Ada Listener"));
    }

    private String history(String query) {
        return given().cookie(SESSION, cookie)
                .redirects()
                .follow(false)
                .get("/history" + query)
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .contentType(containsString("text/html"))
                .extract()
                .asString();
    }

    /** 2023: A ×3, B ×1. 2024: B ×4, C ×2 (new ever), A ×1; one podcast episode that counts nowhere. */
    private void twoYears() {
        List<PlayRow> plays = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            plays.add(track("2023-06-0" + (i + 1) + "T12:00:00Z", THREE_MIN, "spotify:track:a", "A Song", "Band A"));
        }
        plays.add(track("2023-07-01T12:00:00Z", THREE_MIN, "spotify:track:b", "B Song", "Band B"));
        for (int i = 0; i < 4; i++) {
            plays.add(track("2024-05-0" + (i + 1) + "T12:00:00Z", THREE_MIN, "spotify:track:b", "B Song", "Band B"));
        }
        plays.add(track("2024-06-01T12:00:00Z", THREE_MIN, "spotify:track:c", "C Song", "Band C"));
        plays.add(track("2024-06-02T12:00:00Z", THREE_MIN, "spotify:track:c", "C Song", "Band C"));
        plays.add(track("2024-08-01T12:00:00Z", THREE_MIN, "spotify:track:a", "A Song", "Band A"));
        plays.add(episode("2024-08-02T12:00:00Z", 3_600_000, "spotify:episode:1", "Talk", "A Show"));
        StoredPlays.insert(listener, plays);
    }

    /** The table row of a top list holding {@code name}. */
    private static String row(String html, String listId, String name) {
        int list = html.indexOf("id=\"" + listId + "\"");
        assertTrue(list >= 0, "no list " + listId);
        String table = html.substring(list, html.indexOf("</table>", list));
        Matcher rows = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL).matcher(table);
        while (rows.find()) {
            if (rows.group(1).contains(name)) {
                return rows.group(1);
            }
        }
        throw new AssertionError(name + " not in " + listId);
    }

    @Test
    void totalsAreComparedWithThePreviousYearInArrowsAndWords() {
        twoYears();

        String html = history("?year=2024");

        // 7 plays of 3:20 = 23 min against 4 plays = 13 min in 2023; 3 artists and 3 tracks against 2 and 2.
        assertTrue(html.contains("Minutes listened</dt>"));
        assertTrue(html.matches("(?s).*<dd class=\"total-value\">23</dd>\\s*<dd class=\"total-change change-up\">"
                + "<span aria-hidden=\"true\">▲</span> 77% on 2023</dd>.*"));
        assertTrue(html.matches("(?s).*Plays</dt>\\s*<dd class=\"total-value\">7</dd>\\s*"
                + "<dd class=\"total-change change-up\"><span aria-hidden=\"true\">▲</span> 75% on 2023</dd>.*"));
        assertTrue(html.matches("(?s).*Artists</dt>\\s*<dd class=\"total-value\">3</dd>.*?50% on 2023.*"));
        assertTrue(html.contains("Compared with 2023."));
    }

    @Test
    void aFallIsADownArrowWithWords() {
        twoYears();

        String html = history("?year=2023");

        // 2023 against 2022, which had nothing: every total is new.
        assertTrue(html.contains("▲</span> new: none in 2022"));
        html = history("?from=2024-05-01&to=2024-05-03");
        // 2 plays against none in the 2 days before... and 1 May–2 May against 29–30 Apr.
        assertTrue(html.contains("new: none in the 2 days before"));
        html = history("?from=2024-05-02&to=2024-05-03");
        assertTrue(html.contains("=</span> same as the 1 days before"));
        StoredPlays.insert(
                listener,
                track("2024-05-01T13:00:00Z", THREE_MIN, "spotify:track:b", "B Song", "Band B"),
                track("2024-05-01T14:00:00Z", THREE_MIN, "spotify:track:b", "B Song", "Band B"));
        html = history("?from=2024-05-02&to=2024-05-03");
        assertTrue(html.contains("<dd class=\"total-change change-down\"><span aria-hidden=\"true\">▼</span> 67% on"));
    }

    @Test
    void topListsSayTheMoveAgainstThePreviousPeriodAndMarkNewOnes() {
        twoYears();

        String html = history("?year=2024");

        String b = row(html, "top-artists-list", "Band B");
        assertTrue(b.contains("<td class=\"rank-cell\">1 "), b);
        assertTrue(b.contains("▲</span><span class=\"visually-hidden\">up from 2nd</span>"), b);
        assertTrue(b.contains("4 plays") && b.contains("13 min"), b);
        String c = row(html, "top-artists-list", "Band C");
        assertTrue(c.contains("<span class=\"badge-new\">New</span>"), c);
        assertFalse(c.contains("visually-hidden"), c);
        String a = row(html, "top-artists-list", "Band A");
        assertTrue(a.contains("▼</span><span class=\"visually-hidden\">down from 1st</span>"), a);
        assertFalse(a.contains("badge-new"), a);
        assertTrue(a.contains("<a href=\"/history/artist?name=Band+A\">Band A</a>"), a);
        String track = row(html, "top-tracks-list", "B Song");
        assertTrue(track.contains("Band B") && track.contains("4 plays"), track);
        assertTrue(row(html, "top-albums-list", "Album of C Song").contains("badge-new"));
        // Podcast episodes are not music: they are in no list.
        assertFalse(html.contains("A Show"));
    }

    @Test
    void allTimeHasNoComparisonAndNoNewBadges() {
        twoYears();

        String html = history("?period=all");

        assertTrue(html.contains("<dd class=\"total-value\">11</dd>"), "11 plays all time");
        assertFalse(html.contains("total-change"));
        assertFalse(html.contains("badge-new"));
        assertFalse(row(html, "top-artists-list", "Band B").contains("visually-hidden"));
    }

    @Test
    void thePickerLinksEveryPeriodAndEachYearWithData() {
        twoYears();

        String html = history("?year=2023");

        for (String href : List.of(
                "/history?period=week",
                "/history?period=month",
                "/history?period=year",
                "/history?period=all",
                "/history?year=2024",
                "/history?year=2023")) {
            assertTrue(html.contains("href=\"" + href + "\""), href);
        }
        assertFalse(html.contains("/history?year=2022\""));
        assertTrue(html.contains("<a href=\"/history?year=2023\" aria-current=\"page\""));
        assertTrue(html.contains("<form class=\"period-form\" method=\"get\" action=\"/history\">"));
        assertTrue(html.contains("name=\"from\" value=\"2023-01-01\""));
        assertTrue(html.contains("name=\"until\" value=\"2023-12-31\""));
        assertTrue(html.contains("href=\"/recap?year=2023\""));
        assertTrue(html.contains("href=\"/history/import\""));
        assertTrue(html.contains("href=\"/api/me/history/export?format=csv\""));
        assertTrue(html.contains("href=\"/history/forget\""));
        // With ?tz= the links keep the zone.
        assertTrue(history("?year=2023&tz=Europe/Berlin")
                .contains("href=\"/history?period=week&amp;tz=Europe%2FBerlin\""));
    }

    @Test
    void theDefaultIsThisYearAndTheFormsLastDayIsIncluded() {
        int thisYear = LocalDate.now(ZoneId.of("UTC")).getYear();
        StoredPlays.insert(listener, track("2024-05-31T12:00:00Z", THREE_MIN, "spotify:track:b", "B Song", "Band B"));

        assertTrue(history("").contains("<a href=\"/history?period=year\" aria-current=\"page\""));
        assertTrue(history("").contains("Your listening <span class=\"muted\">· " + thisYear + "</span>"));
        // until=2024-05-31 counts the 31st; to=2024-05-31 does not.
        assertTrue(history("?from=2024-05-01&until=2024-05-31")
                .contains("Plays</dt>\n      <dd class=\"total-value\">1</dd>"));
        assertTrue(history("?from=2024-05-01&to=2024-05-31").contains("No plays in this period"));
    }

    @Test
    void calendarAndStreaksCountLocalDays() {
        StoredPlays.insert(
                listener,
                track("2024-05-01T12:00:00Z", THREE_MIN, "spotify:track:b", "B Song", "Band B"),
                track("2024-05-02T12:00:00Z", THREE_MIN, "spotify:track:b", "B Song", "Band B"),
                track("2024-05-03T12:00:00Z", THREE_MIN, "spotify:track:b", "B Song", "Band B"),
                track("2024-05-03T13:00:00Z", THREE_MIN, "spotify:track:b", "B Song", "Band B"),
                track("2024-06-10T12:00:00Z", THREE_MIN, "spotify:track:b", "B Song", "Band B"));

        String html = history("?year=2024");

        assertTrue(html.contains("<tr><td>Fri 3 May 2024</td><td>6</td></tr>"), "two plays on 3 May");
        assertTrue(html.contains("<tr><td>Mon 10 Jun 2024</td><td>3</td></tr>"));
        assertTrue(html.contains("Longest run: 3 days (1 May – 3 May 2024)"));
        // The calendar is an SVG chart with a title and description for screen readers, and its table.
        assertTrue(html.contains("<figure class=\"chart chart-figure\" id=\"calendar\">"));
        assertTrue(html.matches("(?s).*id=\"calendar\">.*?<svg[^>]*role=\"img\".*"));
        assertTrue(html.contains("<summary>Show as table</summary>"));
        assertTrue(html.contains("Current streak: none"));
        // Any other period: the 12 months that end with it.
        assertTrue(history("?from=2024-06-01&to=2024-07-01")
                .contains("Every day <span class=\"muted\">· 1 Jul 2023 – 30 Jun 2024"));
    }

    @Test
    void aPlayAt2330UtcIsOnTheNextDayInBerlinByParameterOrCookie() {
        // 23:30 UTC on Sunday 10 March 2024 is 00:30 on Monday 11 March in Berlin.
        StoredPlays.insert(listener, track("2024-03-10T23:30:00Z", THREE_MIN, "spotify:track:b", "B Song", "Band B"));

        String utc = history("?year=2024");
        assertTrue(utc.contains("<td>Sun 10 Mar 2024</td>"));
        assertTrue(utc.contains("Based on 1 play, times in UTC"));
        assertTrue(utc.contains("data-tz=\"UTC\""));
        assertTrue(utc.contains("between 23:00 and 00:00"));

        String byParameter = history("?year=2024&tz=Europe/Berlin");
        assertTrue(byParameter.contains("<td>Mon 11 Mar 2024</td>"));
        assertFalse(byParameter.contains("<td>Sun 10 Mar 2024</td>"));
        assertTrue(byParameter.contains("Based on 1 play, times in Europe/Berlin"));
        assertTrue(byParameter.contains("between 00:00 and 01:00"));
        // Monday 00:00 is the clock table's first hour of the first row.
        assertTrue(byParameter.contains("<tr><td>Monday</td><td>1</td>"));

        String byCookie = given().cookie(SESSION, cookie)
                .cookie(ViewerZone.COOKIE, "Europe/Berlin")
                .get("/history?year=2024")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(byCookie.contains("<td>Mon 11 Mar 2024</td>"));
        assertTrue(byCookie.contains("data-tz=\"Europe/Berlin\""));
        assertTrue(byCookie.contains("Times and days in Europe/Berlin."));

        // The parameter wins over the cookie; a cookie Earshot cannot read is ignored, not refused.
        String both = given().cookie(SESSION, cookie)
                .cookie(ViewerZone.COOKIE, "Europe/Berlin")
                .get("/history?year=2024&tz=UTC")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(both.contains("<td>Sun 10 Mar 2024</td>"));
        String badCookie = given().cookie(SESSION, cookie)
                .cookie(ViewerZone.COOKIE, "Mars/Olympus_Mons")
                .get("/history?year=2024")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(badCookie.contains("times in UTC"));
    }

    @Test
    void badParametersAreA400WithAPlainExplanation() {
        List<List<String>> cases = List.of(
                List.of("?period=decade", "&#39;period&#39; must be week, month, year or all."),
                List.of("?year=24", "&#39;year&#39; must be a year written with four digits"),
                List.of("?from=2024-13-01", "is not a date of the calendar"),
                List.of("?from=2024-05-01&to=2024-04-01", "must be before"),
                List.of("?from=2024-05-01&until=May", "&#39;until&#39; must be a date written YYYY-MM-DD"),
                List.of("?period=week&year=2024", "Choose one period"),
                List.of("?from=2024-05-01&to=2024-05-02&until=2024-05-03", "not both"),
                List.of("?tz=Mars/Olympus_Mons", "&#39;tz&#39; must be a time zone"));
        for (List<String> badCase : cases) {
            given().cookie(SESSION, cookie)
                    .get("/history" + badCase.get(0))
                    .then()
                    .statusCode(400)
                    .contentType(containsString("text/html"))
                    .body(containsString(badCase.get(1)))
                    .body(not(containsString("Exception")));
        }
    }

    @Test
    void signedOutVisitorsGoToTheLandingPageLikeTheDashboard() {
        for (String path : List.of("/history", "/history?year=2024", "/history/artist?name=Band")) {
            given().redirects()
                    .follow(false)
                    .get(path)
                    .then()
                    .statusCode(303)
                    .header("Location", containsString("/"))
                    .header("Location", not(containsString("history")));
        }
    }

    @Test
    void s22_markupLikeAndVeryLongNamesAreEscaped() {
        String markup = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        String long1000 = "L".repeat(999) + "<";
        StoredPlays.insert(
                listener,
                track("2024-05-01T12:00:00Z", THREE_MIN, "spotify:track:x", markup, markup),
                track("2024-05-02T12:00:00Z", THREE_MIN, "spotify:track:l", long1000, long1000));

        String html = history("?year=2024");

        assertFalse(html.contains("<script>alert"));
        assertFalse(html.contains("<img src=x"));
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
        assertTrue(html.contains("L".repeat(999) + "&lt;"));
        assertTrue(html.contains("href=\"/history/artist?name=%3Cscript%3Ealert%28%27x%27%29"));

        String artist = given().cookie(SESSION, cookie)
                .queryParam("name", markup)
                .get("/history/artist")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertFalse(artist.contains("<script>alert"));
        assertTrue(artist.contains("<h1 class=\"artist-name\">&lt;script&gt;"));
        String never = given().cookie(SESSION, cookie)
                .queryParam("name", "<b>Nobody</b>")
                .get("/history/artist")
                .then()
                .statusCode(404)
                .extract()
                .asString();
        assertTrue(never.contains("You have not played &lt;b&gt;Nobody&lt;/b&gt; yet."));
    }

    @Test
    void anEmptyHistoryIsOneFriendlyParagraphWithoutCharts() {
        String html = history("");

        assertTrue(html.contains("Earshot holds no music of yours yet."));
        assertTrue(html.contains("<a href=\"/history/import\">Import your Spotify history</a>"));
        assertFalse(html.contains("id=\"calendar\""));
        assertFalse(html.contains("id=\"clock\""));
        assertFalse(html.contains("id=\"totals\""));
        assertTrue(html.contains("class=\"period-picker\""));
    }

    @Test
    void aPeriodWithoutPlaysSaysSoAndKeepsThePicker() {
        twoYears();

        String html = history("?year=2020");

        assertTrue(html.contains("No plays in this period."));
        assertTrue(html.contains("href=\"/history?year=2024\""));
        assertFalse(html.contains("id=\"calendar\""));
    }

    @Test
    void discoveryCountsNewArtistsAndFindsForgottenFavourites() {
        twoYears();
        StoredPlays.insert(
                listener,
                track("2022-02-14T12:00:00Z", THREE_MIN, "spotify:track:g", "Gone Song", "Gone Band"),
                track("2022-02-14T13:00:00Z", THREE_MIN, "spotify:track:g", "Gone Song", "Gone Band"));

        String html = history("?year=2024");

        assertTrue(html.contains("1 artist heard for the first time."));
        assertTrue(row(html, "first-heard", "Band C").contains("2 plays"));
        assertTrue(html.contains("<a href=\"/history/artist?name=Gone+Band\">Gone Band</a> "
                + "<span class=\"muted\">Top 1 of 2022 · last played 14 Feb 2022</span>"));
    }

    @Test
    void theClockSaysHowManyPlaysItIsBasedOn() {
        twoYears();

        String html = history("?year=2024");

        assertTrue(html.contains("Based on 7 plays, times in UTC"));
        assertTrue(html.contains("<figure class=\"chart chart-figure\" id=\"clock\">"));
        assertTrue(html.contains("<figure class=\"chart chart-figure\" id=\"top-artists-chart\">"));
        assertTrue(html.contains("You listen most between 12:00 and 13:00."));
    }

    @Test
    void theArtistPageShowsTotalsFirstAndLastPlayMonthsAndTopTracks() {
        twoYears();
        StoredPlays.insert(listener, track("2024-08-01T23:30:00Z", THREE_MIN, "spotify:track:a2", "A Two", "Band A"));

        String html = given().cookie(SESSION, cookie)
                .queryParam("name", "Band A")
                .queryParam("tz", "Europe/Berlin")
                .get("/history/artist")
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .extract()
                .asString();

        assertTrue(html.contains("<dd class=\"total-value\" id=\"artist-plays\">5 plays</dd>"));
        assertTrue(html.contains("<dd class=\"total-value\" id=\"first-play\">1 Jun 2023, 14:00</dd>"));
        // 23:30 UTC is half past one the next morning in Berlin (summer time).
        assertTrue(html.contains("<dd class=\"total-value\" id=\"last-play\">2 Aug 2024, 01:30</dd>"));
        assertTrue(html.contains("<tr><td>Jun 2023</td><td>3 plays</td></tr>"));
        assertTrue(html.contains("<tr><td>Jan 2024</td><td>0 plays</td></tr>"), "months without plays count 0");
        assertTrue(html.contains("<tr><td>Aug 2024</td><td>2 plays</td></tr>"));
        assertTrue(row(html, "artist-tracks-list", "A Song").contains("4 plays"));
        assertTrue(html.contains("href=\"/history?tz=Europe%2FBerlin\""));
        assertTrue(html.contains("Times in Europe/Berlin."));
    }

    @Test
    void theArtistPageWantsANameAndSaysWhenNeverPlayed() {
        twoYears();

        given().cookie(SESSION, cookie)
                .get("/history/artist")
                .then()
                .statusCode(400)
                .body(containsString("needs ?name="));
        given().cookie(SESSION, cookie).get("/history/artist?name=").then().statusCode(400);
        given().cookie(SESSION, cookie)
                .queryParam("name", "Band Z")
                .get("/history/artist")
                .then()
                .statusCode(404)
                .body(containsString("You have not played Band Z yet."))
                .body(containsString("href=\"/history\""));
    }

    @Test
    void thePageOffersAShareLinkOfItsOwnPeriod() {
        twoYears();
        String html = given().cookie(SESSION, cookie)
                .get("/history?year=2024&tz=Europe/Berlin")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(html.contains("<form class=\"share-form\" method=\"post\" action=\"/share\">"), html);
        assertTrue(html.contains("name=\"kind\" value=\"history\""));
        assertTrue(html.contains("name=\"from\" value=\"2024-01-01\""));
        assertTrue(html.contains("name=\"to\" value=\"2025-01-01\""));
        assertTrue(html.contains("name=\"tz\" value=\"Europe/Berlin\""));
    }

    @Test
    void aSharedPageIsReadOnlyAndNotIndexed() {
        twoYears();

        String html = page.renderShared(
                listener,
                new HistoryPeriod(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1), ZoneId.of("Europe/Berlin")));

        assertTrue(html.contains("<meta name=\"robots\" content=\"noindex"));
        assertTrue(html.contains("Shared from Earshot"));
        assertTrue(html.contains("Band B"));
        assertTrue(html.contains("times in Europe/Berlin"));
        assertFalse(html.contains("/history/artist"));
        assertFalse(html.contains("period-picker"));
        assertFalse(html.contains("/dashboard"));
        assertFalse(html.contains("/history/import"));
        assertFalse(html.contains("timezone.js"));
        assertFalse(html.contains("action=\"/share"), "a shared page offers no sharing of its own");
        assertFalse(html.contains("Ada Listener"));
        assertEquals(-1, html.indexOf("class=\"profile\""));
    }

    @Test
    void whenTheDatabaseFailsThePageSaysTheHistoryCannotBeReadRightNow() {
        twoYears();
        // A real failure of the real database: the tables the figures read are gone for the length of the requests.
        renameHistoryTables("", "_away");
        try {
            for (String path : List.of("/history?year=2024", "/history/artist?name=Band+A")) {
                given().cookie(SESSION, cookie)
                        .urlEncodingEnabled(false)
                        .get(path)
                        .then()
                        .statusCode(503)
                        .contentType(containsString("text/html"))
                        .body(containsString("Earshot cannot read your listening history at the moment"))
                        .body(containsString("Reference: <code>"))
                        .body(not(containsString("SQL")))
                        .body(not(containsString("_away")));
            }
        } finally {
            renameHistoryTables("_away", "");
        }
    }

    private static void renameHistoryTables(String fromSuffix, String toSuffix) {
        StoredPlays.database().inTransaction(connection -> {
            try (var statement = connection.createStatement()) {
                for (String table : List.of("play", "listening_rollup", "listening_total", "listening_hour")) {
                    statement.executeUpdate("ALTER TABLE " + table + fromSuffix + " RENAME TO " + table + toSuffix);
                }
                return null;
            }
        });
    }

    @Test
    void theDashboardsHistoryCardLinksHere() {
        String dashboard = given().cookie(SESSION, cookie)
                .get("/dashboard")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(dashboard.contains("<a href=\"/history\">Your listening over time</a>"));
        given().cookie(SESSION, cookie).get("/history").then().statusCode(equalTo(200));
    }
}
