package dev.earshot.recap;

import static dev.earshot.history.StoredPlays.track;
import static dev.earshot.testing.CookieNames.SESSION;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.history.StoredPlays;
import dev.earshot.historypages.ViewerZone;
import dev.earshot.testing.FakeSpotify;
import dev.earshot.testing.InjectSpotify;
import dev.earshot.testing.Sessions;
import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The recap page over HTTP, on hand-made plays of known shape: each slide's figure, the edges, and bad input. */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
@Tag("database")
class RecapPageTest {

    static final String MARKUP = "<b>Gamma</b> & \"co\"";
    static final String LONG = "Long".repeat(250);

    @InjectSpotify
    FakeSpotify spotify;

    private String listener;
    private String cookie;

    @BeforeEach
    void aYearOfListening() {
        spotify.resetWithSampleListener();
        listener = Sessions.newListenerId();
        cookie = Sessions.sealed(Sessions.ofListener(listener, "Ada Listener"));
        StoredPlays.insert(
                listener,
                // The year before: Alpha is no discovery of 2024.
                track("2023-12-31T12:00:00Z", 200_000, "spotify:track:a1", "A1", "Alpha"),
                // Three days in a row (1–3 March), the first the biggest, most plays in the 22:00 hour.
                track("2024-03-01T22:10:00Z", 600_000, "spotify:track:a1", "A1", "Alpha"),
                track("2024-03-01T22:30:00Z", 600_000, "spotify:track:a1", "A1", "Alpha"),
                track("2024-03-02T22:10:00Z", 300_000, "spotify:track:a2", "A2", "Alpha"),
                track("2024-03-03T10:00:00Z", 300_000, "spotify:track:a2", "A2", "Alpha"),
                track("2024-06-10T22:10:00Z", 240_000, "spotify:track:b1", "B1", "Beta"),
                track("2024-07-01T08:00:00Z", 120_000, "spotify:track:g1", LONG, MARKUP),
                // Under 30 s: not a play, so no day of a streak, but its time counts.
                track("2024-09-09T09:00:00Z", 10_000, "spotify:track:b1", "B1", "Beta"));
    }

    private RequestSpecification signedIn() {
        return given().cookie(SESSION, cookie).redirects().follow(false);
    }

    private String recap(String query) {
        return signedIn()
                .get(query.isEmpty() ? "/recap" : "/recap?" + query)
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .extract()
                .asString();
    }

    @Test
    void eachSlideShowsItsFigure() {
        String page = recap("year=2024");
        assertTrue(page.contains("<h1 id=\"recap-title\">Your 2024</h1>"), page);
        assertEquals("36", figure(page, "minutes"), "30 + 4 + 2 minutes, and the 10 s stream's rounding away");
        assertEquals(List.of("Alpha", "Beta", MARKUP), names(page, "top-artists"));
        assertEquals(List.of("A1", "A2", "B1", LONG), names(page, "top-tracks"));
        assertEquals("Friday 1 March 2024", figure(page, "top-day"));
        assertEquals("20 minutes", figure(page, "top-day-minutes"));
        assertEquals("Most often at 22:00", figure(page, "top-hour"));
        assertEquals("2", figure(page, "new-artists"), "Beta and Gamma; Alpha was heard in 2023");
        assertEquals(List.of("Beta", MARKUP), names(page, "first-heard"));
        assertEquals("3 days", figure(page, "streak"));
        assertEquals("1 Mar 2024 – 3 Mar 2024", figure(page, "streak-dates"));
        assertTrue(page.contains("href=\"/recap?year=2023&amp;tz=UTC\""), "a link to the year before");
        assertTrue(page.contains("href=\"/recap?year=2025&amp;tz=UTC\""), "a link to the year after");
        assertTrue(page.contains("href=\"/recap.svg?year=2024&amp;tz=UTC\""), "the card to download");
        assertTrue(page.contains("Download card"), page);
        assertTrue(
                page.contains("<figure class=\"chart chart-figure\" id=\"recap-calendar\">"),
                "every day, as a heatmap");
        assertTrue(page.contains("Every day of 2024"), page);
    }

    @Test
    void markupLikeAndLongNamesAreEscapedText() {
        String page = recap("year=2024");
        assertFalse(page.contains("<b>Gamma"), "a name is never markup");
        assertTrue(page.contains("&lt;b&gt;Gamma&lt;/b&gt; &amp; &quot;co&quot;"), page);
        assertTrue(page.contains(LONG), "a long name is on the page whole, wrapped by the style sheet");
    }

    @Test
    void anEmptyPeriodSaysSoInOneLineWithALinkToImport() {
        String page = recap("year=2019");
        assertTrue(page.contains("Nothing was played in 2019"), page);
        assertTrue(page.contains("href=\"/history/import\""), page);
        assertFalse(page.contains("data-figure=\"minutes\""), "no slides of zeros");
    }

    @Test
    void theDefaultIsThisYearSoFarAndAYearInProgressHasNoNextYear() {
        int year = LocalDate.now(ZoneOffset.UTC).getYear();
        String page = recap("");
        assertTrue(page.contains("Your " + year + " so far"), page);
        assertFalse(page.contains("year=" + (year + 1)), "no link to a year that has not started");
        assertTrue(page.contains("year=" + (year - 1)), "a link to the year before");
    }

    @Test
    void theTimeZoneMovesPlaysAcrossMidnightFromTheParameterOrTheHistoryPagesCookie() {
        String night = Sessions.newListenerId();
        String nightCookie = Sessions.sealed(Sessions.ofListener(night, "Night Owl"));
        // 23:30 in UTC on New Year's Eve is 00:30 on New Year's Day in Berlin.
        StoredPlays.insert(night, track("2024-12-31T23:30:00Z", 180_000, "spotify:track:n", "N", "Night"));
        RequestSpecification asNight = given().cookie(SESSION, nightCookie);
        assertEquals("3", figure(asNight.get("/recap?year=2024").asString(), "minutes"));
        assertTrue(given().cookie(SESSION, nightCookie)
                .get("/recap?year=2024&tz=Europe/Berlin")
                .asString()
                .contains("Nothing was played in 2024"));
        String berlin2025 = given().cookie(SESSION, nightCookie)
                .get("/recap?year=2025&tz=Europe/Berlin")
                .asString();
        assertEquals("Wednesday 1 January 2025", figure(berlin2025, "top-day"));
        assertEquals("Most often at 00:00", figure(berlin2025, "top-hour"));
        String byCookie = given().cookie(SESSION, nightCookie)
                .cookie(ViewerZone.COOKIE, "Europe/Berlin")
                .get("/recap?year=2025")
                .asString();
        assertEquals("Wednesday 1 January 2025", figure(byCookie, "top-day"), "the history page's cookie");
        String parameterWins = given().cookie(SESSION, nightCookie)
                .cookie(ViewerZone.COOKIE, "Europe/Berlin")
                .get("/recap?year=2024&tz=UTC")
                .asString();
        assertEquals("3", figure(parameterWins, "minutes"), "tz beats the cookie");
        String badCookie = given().cookie(SESSION, nightCookie)
                .cookie(ViewerZone.COOKIE, "Not/AZone")
                .get("/recap?year=2024")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals("3", figure(badCookie, "minutes"), "a cookie that names no zone falls back to UTC");
    }

    @Test
    void anyPeriodByItsDays() {
        String page = recap("from=2024-03-01&to=2024-03-03");
        assertTrue(page.contains("Your 1 Mar 2024 – 2 Mar 2024"), page);
        assertEquals("25", figure(page, "minutes"));
        assertEquals("2 days", figure(page, "streak"));
        assertFalse(recap("from=2024-03-01").contains("id=\"recap-calendar\""), "no calendar of an open-ended period");
    }

    @Test
    void badParametersAreA400WithAPlainExplanation() {
        for (String query : List.of(
                "year=abc",
                "year=20245",
                "year=2024&from=2024-01-01",
                "tz=Nowhere/City",
                "from=2024-02-30",
                "from=2024-03-02&to=2024-03-01",
                "tz=" + "A".repeat(100))) {
            signedIn()
                    .get(query.isEmpty() ? "/recap" : "/recap?" + query)
                    .then()
                    .statusCode(400)
                    .body(containsString("That recap cannot be shown"));
            signedIn().get("/recap.svg?" + query).then().statusCode(400);
        }
    }

    @Test
    void signedOutVisitorsAreSentToSignInLikeTheDashboard() {
        given().redirects()
                .follow(false)
                .get("/recap?year=2024")
                .then()
                .statusCode(303)
                .header("Location", endsWith(":" + RestAssured.port + "/"));
        given().redirects().follow(false).get("/recap.svg").then().statusCode(303);
    }

    @Test
    void aFailingDatabaseIsA503PageThatSaysSoPlainly() {
        // A real failure of the real database, not a mock: the share links' table goes missing for a moment.
        rename("share_link", "share_link_away");
        try {
            signedIn()
                    .get("/recap?year=2024")
                    .then()
                    .statusCode(503)
                    .header("Cache-Control", containsString("no-store"))
                    .body(containsString("Your recap is out of reach for now"))
                    .body(containsString("Reference:"));
            given().get("/share/" + "A".repeat(43))
                    .then()
                    .statusCode(503)
                    .header("X-Robots-Tag", equalTo("noindex, nofollow"))
                    .header("Cache-Control", equalTo("no-store"));
        } finally {
            rename("share_link_away", "share_link");
        }
        recap("year=2024");
    }

    private static void rename(String table, String to) {
        StoredPlays.database().inTransaction(connection -> {
            try (var statement = connection.createStatement()) {
                return statement.executeUpdate("ALTER TABLE " + table + " RENAME TO " + to);
            }
        });
    }

    /** The text of the element marked {@code data-figure="name"}. */
    static String figure(String page, String name) {
        Matcher found = Pattern.compile("data-figure=\"" + name + "\">([^<]*)<").matcher(page);
        assertTrue(found.find(), "no figure " + name + " in " + page);
        return found.group(1).strip();
    }

    /** The names in the list marked {@code data-figure="name"}, unescaped. */
    static List<String> names(String page, String name) {
        Matcher list = Pattern.compile("data-figure=\"" + name + "\">(.*?)</ol>", Pattern.DOTALL)
                .matcher(page);
        assertTrue(list.find(), "no list " + name);
        Matcher line =
                Pattern.compile("<bdi class=\"recap-name\">([^<]*)</bdi>").matcher(list.group(1));
        List<String> names = new java.util.ArrayList<>();
        while (line.find()) {
            names.add(line.group(1)
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&#39;", "'")
                    .replace("&amp;", "&"));
        }
        return names;
    }
}
