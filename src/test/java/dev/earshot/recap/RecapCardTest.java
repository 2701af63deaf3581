package dev.earshot.recap;

import static dev.earshot.history.StoredPlays.track;
import static dev.earshot.testing.CookieNames.SESSION;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.history.StoredPlays;
import dev.earshot.testing.FakeSpotify;
import dev.earshot.testing.InjectSpotify;
import dev.earshot.testing.Sessions;
import dev.earshot.testing.SvgDocuments;
import dev.earshot.testing.WireMockSpotify;
import dev.earshot.web.SvgText;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** {@code GET /recap.svg}: a self-contained 1200×630 card of the recap's headline figures, names escaped and cut. */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
@Tag("database")
class RecapCardTest {

    static final String MARKUP = "<script>alert(1)</script> & \"Friends\" </svg> and many more friends besides";
    static final String LONG = "Longname".repeat(125);

    @InjectSpotify
    FakeSpotify spotify;

    private String cookie;

    @BeforeEach
    void aYear() {
        spotify.resetWithSampleListener();
        String listener = Sessions.newListenerId();
        cookie = Sessions.sealed(Sessions.ofListener(listener, "Ada Listener"));
        StoredPlays.insert(
                listener,
                track("2024-05-01T10:00:00Z", 600_000, "spotify:track:1", LONG, MARKUP),
                track("2024-05-02T10:00:00Z", 600_000, "spotify:track:1", LONG, MARKUP),
                track("2024-05-03T10:00:00Z", 300_000, "spotify:track:2", "Second", "Artist Two"),
                track("2024-05-03T11:00:00Z", 60_000, "spotify:track:3", "Third", "Artist Three"));
    }

    private Response card(String query) {
        return given().cookie(SESSION, cookie).get("/recap.svg?" + query);
    }

    @Test
    void theCardIsWellFormedSvgOf1200By630WithTheHeadlineFigures() {
        Response response = card("year=2024");
        assertEquals(200, response.statusCode());
        assertTrue(response.contentType().startsWith("image/svg+xml"), response.contentType());
        assertEquals("private", response.header("Cache-Control"));
        assertEquals(RecapCardResource.SVG_CONTENT_SECURITY_POLICY, response.header("Content-Security-Policy"));
        Document document = SvgDocuments.parse(response.asString());
        Element svg = document.getDocumentElement();
        assertEquals("1200", svg.getAttribute("width"));
        assertEquals("630", svg.getAttribute("height"));
        assertEquals("0 0 1200 630", svg.getAttribute("viewBox"));
        assertEquals("img", svg.getAttribute("role"));
        assertEquals("A listener's 2024 on Earshot", SvgDocuments.title(document));
        List<String> lines = SvgDocuments.lines(document);
        assertTrue(lines.contains("Earshot · 2024"), lines.toString());
        assertTrue(lines.contains("26"), "minutes: " + lines);
        assertTrue(lines.contains("Longest streak: 3 days"), lines.toString());
        assertTrue(lines.contains("Artist Two"), "the top five artists: " + lines);
        assertTrue(lines.contains("Artist Three"), lines.toString());
    }

    @Test
    void theCardReferencesNothingOutsideItself() {
        String svg = card("year=2024").asString();
        assertFalse(svg.contains("href"), "no links, no images by URL");
        assertFalse(svg.contains("url("), "no fonts or images from style");
        assertFalse(svg.contains("@import"), svg);
        assertEquals(1, svg.split("http", -1).length - 1, "only the SVG namespace names a URL: " + svg);
    }

    @Test
    void namesAreEscapedAndCutWithAnEllipsis() {
        String svg = card("year=2024").asString();
        assertFalse(svg.contains("<script"), "markup in a name stays text");
        Document document = SvgDocuments.parse(svg);
        assertEquals(0, SvgDocuments.elements(document, "script").size());
        List<String> lines = SvgDocuments.lines(document);
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("<script>alert(1)")), lines.toString());
        String cutTrack = lines.stream()
                .filter(line -> line.startsWith("Longname"))
                .findFirst()
                .orElseThrow();
        assertTrue(cutTrack.endsWith(SvgText.ELLIPSIS), cutTrack);
        assertTrue(cutTrack.length() < 40, "cut to its room: " + cutTrack);
        assertTrue(
                lines.stream()
                        .filter(line -> line.contains("alert"))
                        .allMatch(line -> line.endsWith(SvgText.ELLIPSIS) && line.length() < MARKUP.length()),
                "every line of the long artist is cut: " + lines);
        String description = SvgDocuments.elements(document, "desc").get(0).getTextContent();
        assertTrue(description.contains("Top track: \u2068Longname"), description);
        assertTrue(description.length() < 400, "even the description's names are cut: " + description.length());
    }

    @Test
    void anEmptyYearStillMakesACard() {
        Document document = SvgDocuments.parse(card("year=2019").asString());
        assertTrue(SvgDocuments.lines(document).contains("Nothing played"));
    }
}
