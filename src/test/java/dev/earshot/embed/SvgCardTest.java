package dev.earshot.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.embed.CardOptions.Theme;
import dev.earshot.listening.ArtistCredit;
import dev.earshot.listening.NowPlaying;
import dev.earshot.listening.NowPlaying.Kind;
import dev.earshot.listening.NowPlaying.Status;
import dev.earshot.listening.Play;
import dev.earshot.listening.Track;
import dev.earshot.testing.SvgDocuments;
import dev.earshot.web.SvgText;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/** The README card: every state, every option, and names that try to break out of the XML (S22). */
class SvgCardTest {

    private static final String ART =
            "data:image/png;base64," + Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G'});

    private static final List<String> HOSTILE = List.of(
            "\"><script>alert(1)</script>",
            "<demons>",
            "Simon & Garfunkel",
            "Guns N' Roses \"Live\"",
            "\u200F\u05E9\u05DC\u05D5\u05DD \u202Eevil\u202C end",
            "\u202E reversed everything after",
            "Family 👨‍👩‍👧 and 🎸🔥",
            "bell\u0001 and \uFFFE and \uFFFF here",
            "lone \uD83D surrogate and \uDE00 low",
            "]]> <![CDATA[ x ]]>",
            "&amp; &lt; &#0; &#x1;");

    @Test
    void playingShowsTitleArtistsProgressAndEqualiser() {
        Document card = SvgDocuments.parse(render(content(track(Status.PLAYING), 83_000, ART), CardOptions.DEFAULTS));
        List<String> lines = SvgDocuments.lines(card);
        assertTrue(lines.contains("Now playing"), lines::toString);
        assertTrue(lines.contains("Cardigan"), lines::toString);
        assertTrue(lines.contains("Taylor Swift, Aaron Dessner"), lines::toString);
        assertTrue(lines.contains("1:23 / 3:45"), lines::toString);
        assertTrue(lines.contains("Spotify"), lines::toString);
        assertEquals("Now playing on Spotify: Cardigan — Taylor Swift, Aaron Dessner", SvgDocuments.title(card));
        assertNotNull(SvgDocuments.byClass(card, "g", "eq"), "equaliser");
        assertNull(SvgDocuments.byClass(card, "g", "paused"));
        Element image = SvgDocuments.elements(card, "image").get(0);
        assertEquals(ART, image.getAttribute("href"));
        assertNull(SvgDocuments.byClass(card, "g", "placeholder"));
        assertEquals(83.0 / 225.0, fillRatio(card), 0.01);
    }

    @Test
    void pausedShowsAPauseMarkAndNoEqualiser() {
        Document card = SvgDocuments.parse(render(content(track(Status.PAUSED), 10_000, null), CardOptions.DEFAULTS));
        assertTrue(SvgDocuments.lines(card).contains("Paused"));
        assertTrue(SvgDocuments.lines(card).contains("0:10 / 3:45"));
        assertNotNull(SvgDocuments.byClass(card, "g", "paused"));
        assertNull(SvgDocuments.byClass(card, "g", "eq"));
        assertNotNull(SvgDocuments.byClass(card, "g", "placeholder"), "no art: the placeholder");
        assertTrue(SvgDocuments.elements(card, "image").isEmpty());
    }

    @Test
    void episodeShowsTheShow() {
        NowPlaying episode = new NowPlaying(
                Status.PLAYING,
                Kind.EPISODE,
                0,
                3_725_000,
                0,
                "e1",
                "Episode 12",
                List.of(new ArtistCredit("Publisher Inc", null)),
                "The Show",
                null,
                null);
        Document card =
                SvgDocuments.parse(render(new CardContent(episode, null, null, false, 61_000), CardOptions.DEFAULTS));
        assertTrue(SvgDocuments.lines(card).contains("The Show"));
        assertTrue(SvgDocuments.lines(card).contains("1:01 / 1:02:05"));
    }

    @Test
    void idleWithoutHistorySaysNothingPlaying() {
        for (NowPlaying idle : new NowPlaying[] {null, NowPlaying.idle()}) {
            Document card =
                    SvgDocuments.parse(render(new CardContent(idle, null, null, false, 0), CardOptions.DEFAULTS));
            assertTrue(SvgDocuments.lines(card).contains("Nothing playing"));
            assertNull(SvgDocuments.byClass(card, "g", "eq"));
            assertNull(SvgDocuments.byClass(card, "rect", "fill"), "no progress when idle");
        }
    }

    @Test
    void idleWithHistoryShowsTheLastPlayedTrack() {
        CardContent content = new CardContent(NowPlaying.idle(), lastPlayed(), null, false, 0);
        Document card = SvgDocuments.parse(render(content, CardOptions.DEFAULTS));
        List<String> lines = SvgDocuments.lines(card);
        assertTrue(lines.contains("Not playing — last played:"), lines::toString);
        assertTrue(lines.contains("Holocene"));
        assertTrue(lines.contains("Bon Iver"));
        assertEquals("Not playing — last played: Holocene — Bon Iver", SvgDocuments.title(card));
        assertEquals("https://i.scdn.co/image/holocene", content.artUrl().orElseThrow());

        Document narrow = SvgDocuments.parse(render(content, CardOptions.parse(null, "300", null)));
        assertTrue(SvgDocuments.lines(narrow).contains("Last played:"), "a shorter label on a narrow card");
    }

    @Test
    void offlineSaysSo() {
        Document card = SvgDocuments.parse(render(new CardContent(null, null, null, true, 0), CardOptions.DEFAULTS));
        assertTrue(SvgDocuments.lines(card).contains("Offline"));
        assertTrue(SvgDocuments.lines(card).contains("Now playing unavailable"));
        assertNotNull(SvgDocuments.byClass(card, "circle", "offline"));

        CardContent stale = new CardContent(track(Status.PLAYING), lastPlayed(), null, true, 0);
        Document withHistory = SvgDocuments.parse(render(stale, CardOptions.DEFAULTS));
        assertTrue(SvgDocuments.lines(withHistory).contains("Offline — last played:"));
        assertTrue(SvgDocuments.lines(withHistory).contains("Holocene"));
        assertNull(SvgDocuments.byClass(withHistory, "g", "eq"), "offline never claims to be playing");
    }

    @Test
    void progressIsClampedToTheTrack() {
        assertEquals(
                1.0,
                fillRatio(SvgDocuments.parse(
                        render(content(track(Status.PLAYING), 999_999, null), CardOptions.DEFAULTS))));
        assertEquals(
                0.0,
                fillRatio(SvgDocuments.parse(render(content(track(Status.PLAYING), -5, null), CardOptions.DEFAULTS))));
        NowPlaying unknownLength =
                new NowPlaying(Status.PLAYING, Kind.TRACK, 0, 0, 0, "t", "Local file", List.of(), null, null, null);
        Document card = SvgDocuments.parse(
                render(new CardContent(unknownLength, null, null, false, 5_000), CardOptions.DEFAULTS));
        assertNull(SvgDocuments.byClass(card, "rect", "fill"), "no bar without a length");
    }

    @Test
    void showLeavesOutProgressOrArt() {
        CardContent content = content(track(Status.PLAYING), 83_000, ART);
        Document artOnly = SvgDocuments.parse(render(content, CardOptions.parse(null, null, "art")));
        assertNull(SvgDocuments.byClass(artOnly, "rect", "fill"));
        assertFalse(SvgDocuments.lines(artOnly).contains("1:23 / 3:45"));
        assertEquals(1, SvgDocuments.elements(artOnly, "image").size());

        Document progressOnly = SvgDocuments.parse(render(content, CardOptions.parse(null, null, "progress")));
        assertTrue(SvgDocuments.elements(progressOnly, "image").isEmpty());
        assertNull(SvgDocuments.byClass(progressOnly, "g", "placeholder"));
        assertNotNull(SvgDocuments.byClass(progressOnly, "rect", "fill"));
    }

    @Test
    void onlyRasterDataUrisBecomeImages() {
        for (String art : List.of(
                "https://i.scdn.co/image/abc",
                "data:image/svg+xml;base64,PHN2Zz4=",
                "data:image/png;base64,AAAA\" onload=\"x",
                "javascript:alert(1)")) {
            String svg = render(content(track(Status.PLAYING), 0, art), CardOptions.DEFAULTS);
            Document card = SvgDocuments.parse(svg);
            assertTrue(SvgDocuments.elements(card, "image").isEmpty(), art);
            assertNotNull(SvgDocuments.byClass(card, "g", "placeholder"), art);
        }
    }

    @Test
    void widthAndThemeShapeTheDocument() {
        String svg = render(content(track(Status.PLAYING), 0, null), CardOptions.parse("dark", "640", null));
        Element root = SvgDocuments.parse(svg).getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("640", root.getAttribute("width"));
        assertEquals("124", root.getAttribute("height"));
        assertEquals("0 0 640 124", root.getAttribute("viewBox"));
        assertEquals("img", root.getAttribute("role"));
        assertEquals("card-title", root.getAttribute("aria-labelledby"));
        assertTrue(svg.contains(".card{fill:#0d1117"));
        assertFalse(svg.contains("prefers-color-scheme"));

        String light = render(content(track(Status.PLAYING), 0, null), CardOptions.parse("light", null, null));
        assertTrue(light.contains(".card{fill:#ffffff"));
        assertFalse(light.contains("#0d1117"));

        String auto = render(content(track(Status.PLAYING), 0, null), CardOptions.parse("auto", null, null));
        assertTrue(auto.contains(".card{fill:#ffffff"));
        assertTrue(auto.contains("@media (prefers-color-scheme: dark){.card{fill:#0d1117"));
    }

    @Test
    void referencesNothingOutsideItself() {
        for (CardContent content : List.of(
                content(track(Status.PLAYING), 1_000, ART), new CardContent(null, lastPlayed(), null, false, 0))) {
            String svg = render(content, CardOptions.DEFAULTS);
            assertEquals(1, count(svg, "http"), "only the SVG namespace: " + svg);
            assertTrue(svg.contains("xmlns=\"http://www.w3.org/2000/svg\""));
            assertFalse(svg.toLowerCase(Locale.ROOT).contains("<script"));
            assertFalse(svg.contains("@import") || svg.contains("url(http") || svg.contains("@font-face"));
        }
    }

    @Test
    void sameInputSameDocument() {
        CardContent content = content(track(Status.PLAYING), 83_000, ART);
        assertEquals(render(content, CardOptions.DEFAULTS), render(content, CardOptions.DEFAULTS));
    }

    @Test
    void hostileNamesStayLiteralTextInWellFormedXml() {
        for (String name : HOSTILE) {
            for (int width : new int[] {CardOptions.MIN_WIDTH, CardOptions.MAX_WIDTH}) {
                Track track =
                        new Track("t", name, List.of(new ArtistCredit(name, null)), name, null, null, 200_000, null);
                NowPlaying playing = new NowPlaying(
                        Status.PLAYING,
                        Kind.TRACK,
                        0,
                        200_000,
                        0,
                        "t",
                        name,
                        List.of(new ArtistCredit(name, null)),
                        name,
                        null,
                        null);
                for (CardContent content : List.of(
                        new CardContent(playing, null, null, false, 0),
                        new CardContent(null, new Play(track, Instant.EPOCH), null, false, 0))) {
                    String svg = render(content, CardOptions.parse(null, String.valueOf(width), null));
                    Document card = SvgDocuments.parse(svg);
                    String expected = SvgText.fit(SvgText.clean(name), 1_000);
                    List<String> lines = SvgDocuments.lines(card);
                    assertTrue(
                            lines.stream().anyMatch(line -> line.equals(expected) || isPrefixCut(line, expected)),
                            () -> "'" + expected + "' in " + lines);
                    if (width == CardOptions.MAX_WIDTH) {
                        assertTrue(lines.contains(expected), () -> "'" + expected + "' whole in " + lines);
                        assertTrue(SvgDocuments.title(card).contains(expected));
                    }
                    assertEquals(1, SvgDocuments.elements(card, "svg").size());
                    assertTrue(SvgDocuments.elements(card, "script").isEmpty());
                    assertFalse(svg.toLowerCase(Locale.ROOT).contains("<script"));
                    assertFalse(svg.contains("<demons"));
                    assertOnlyTheSvgNamespaceIsAUrl(card.getDocumentElement());
                    assertNoBrokenSurrogates(svg);
                }
            }
        }
    }

    @Test
    void rightToLeftNamesAreIsolatedAndTheLineStaysLeftToRight() {
        String name = "\u05E9\u05DC\u05D5\u05DD \u202Eevil";
        Document card = SvgDocuments.parse(render(content(named(name), 0, null), CardOptions.DEFAULTS));
        Element title = SvgDocuments.byClass(card, "text", "title");
        assertEquals("ltr", title.getAttribute("direction"));
        assertEquals(
                "\u2068" + name + "\u2069",
                title.getTextContent(),
                "a first-strong isolate ends the override with the name");
    }

    @Test
    void aVeryLongNameIsCutToTheCardByCodePoint() {
        String longName = "A".repeat(2_000) + "😀".repeat(1_500);
        for (int width : new int[] {300, 480, 800}) {
            String svg =
                    render(content(named(longName), 0, null), CardOptions.parse(null, String.valueOf(width), null));
            Document card = SvgDocuments.parse(svg);
            String title = SvgDocuments.lines(card).get(1);
            assertTrue(title.endsWith(SvgText.ELLIPSIS), title);
            assertTrue(longName.startsWith(title.substring(0, title.length() - 1)));
            assertTrue(title.length() * 16 * 0.56 < width, "fits the card: " + title.length());
            assertTrue(svg.length() < 8_000, "a 5,000 character name does not bloat the card: " + svg.length());
        }
        String emoji = "😀".repeat(2_500);
        for (int width = CardOptions.MIN_WIDTH; width <= CardOptions.MAX_WIDTH; width += 7) {
            String svg = render(content(named(emoji), 0, null), CardOptions.parse(null, String.valueOf(width), null));
            assertNoBrokenSurrogates(svg);
            String title = SvgDocuments.lines(SvgDocuments.parse(svg)).get(1);
            assertTrue(title.endsWith(SvgText.ELLIPSIS));
        }
    }

    @Test
    void optionsParseWithDefaults() {
        assertEquals(CardOptions.DEFAULTS, CardOptions.parse(null, null, null));
        assertEquals(CardOptions.DEFAULTS, CardOptions.parse("", " ", null));
        assertEquals(new CardOptions(Theme.DARK, 300, true, false), CardOptions.parse("Dark", "300", "progress"));
        assertEquals(
                new CardOptions(Theme.LIGHT, 800, true, true), CardOptions.parse("light", "800", " art , progress "));
        assertEquals(new CardOptions(Theme.AUTO, 480, false, false), CardOptions.parse("auto", "480", ""));
    }

    @Test
    void invalidOptionsSayWhatIsAccepted() {
        for (String theme : List.of("blue", "lightdark", "<x>")) {
            assertEquals(
                    "theme must be light, dark or auto",
                    assertThrows(IllegalArgumentException.class, () -> CardOptions.parse(theme, null, null))
                            .getMessage());
        }
        for (String width : List.of("299", "801", "abc", "+480", "-1", "480px", "4.8e2", "99999999999")) {
            assertEquals(
                    "width must be a number between 300 and 800",
                    assertThrows(IllegalArgumentException.class, () -> CardOptions.parse(null, width, null))
                            .getMessage(),
                    width);
        }
        for (String show : List.of("lyrics", "art;progress", "progress,art,title")) {
            assertEquals(
                    "show accepts progress and art, comma separated",
                    assertThrows(IllegalArgumentException.class, () -> CardOptions.parse(null, null, show))
                            .getMessage(),
                    show);
        }
        assertThrows(IllegalArgumentException.class, () -> new CardOptions(Theme.AUTO, 100, true, true));
    }

    @Test
    void truncationNeverSplitsASurrogatePair() {
        String mixed = "a😀b👨‍👩‍👧c".repeat(40);
        for (double ems = 0; ems < 120; ems += 0.25) {
            String cut = SvgText.fit(mixed, ems);
            assertNoBrokenSurrogates(cut);
            if (!cut.equals(mixed)) {
                assertTrue(cut.endsWith(SvgText.ELLIPSIS));
                assertTrue(mixed.startsWith(cut.substring(0, cut.length() - 1).stripTrailing()));
            }
        }
    }

    @Test
    void cleaningKeepsOnlyXmlCharacters() {
        assertEquals("a b c", SvgText.clean("a\tb\nc"));
        assertEquals("ab", SvgText.clean("a\u0001\u0000\u007F\u0085\uFFFE\uFFFF\uD800b"));
        assertEquals("😀", SvgText.clean("\uDE00😀\uD83D"));
        assertEquals("&amp;&lt;&gt;&quot;&#39;", SvgText.escape("&<>\"'"));
    }

    private static String render(CardContent content, CardOptions options) {
        return SvgCard.render(content, options);
    }

    private static NowPlaying track(Status status) {
        return new NowPlaying(
                status,
                Kind.TRACK,
                0,
                225_000,
                0,
                "t1",
                "Cardigan",
                List.of(new ArtistCredit("Taylor Swift", null), new ArtistCredit("Aaron Dessner", null)),
                "folklore",
                "https://i.scdn.co/image/cardigan",
                null);
    }

    private static NowPlaying named(String name) {
        return new NowPlaying(
                Status.PLAYING,
                Kind.TRACK,
                0,
                225_000,
                0,
                "t1",
                name,
                List.of(new ArtistCredit(name, null)),
                null,
                null,
                null);
    }

    private static Play lastPlayed() {
        return new Play(
                new Track(
                        "t2",
                        "Holocene",
                        List.of(new ArtistCredit("Bon Iver", null)),
                        "Bon Iver",
                        "https://i.scdn.co/image/holocene",
                        null,
                        337_000,
                        2011),
                Instant.parse("2026-01-01T10:00:00Z"));
    }

    private static CardContent content(NowPlaying nowPlaying, long progressMs, String art) {
        return new CardContent(nowPlaying, null, art, false, progressMs);
    }

    private static double fillRatio(Document card) {
        double track =
                Double.parseDouble(SvgDocuments.byClass(card, "rect", "track").getAttribute("width"));
        double fill =
                Double.parseDouble(SvgDocuments.byClass(card, "rect", "fill").getAttribute("width"));
        return fill / track;
    }

    private static boolean isPrefixCut(String line, String expected) {
        return line.endsWith(SvgText.ELLIPSIS)
                && expected.startsWith(line.substring(0, line.length() - 1).stripTrailing());
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private static void assertOnlyTheSvgNamespaceIsAUrl(Element element) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node attribute = attributes.item(i);
            if (!attribute.getNodeName().equals("xmlns")) {
                assertFalse(attribute.getNodeValue().toLowerCase(Locale.ROOT).contains("http"), attribute.toString());
                assertFalse(attribute.getNodeName().startsWith("on"), attribute.toString());
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                assertOnlyTheSvgNamespaceIsAUrl(childElement);
            }
        }
    }

    private static void assertNoBrokenSurrogates(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                assertTrue(i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)), "split pair at " + i);
                i++;
            } else {
                assertFalse(Character.isLowSurrogate(c), "lone low surrogate at " + i);
            }
        }
    }
}
