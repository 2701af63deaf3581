package dev.earshot.figures;

import static dev.earshot.figures.HandMadePlays.MINUTE;
import static dev.earshot.figures.PeriodFiguresTest.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@link ListeningFigures#artist}: one artist's months, top tracks and first and last play, on hand-made plays. */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
@Tag("database")
class ArtistFiguresTest {

    @Inject
    ListeningFigures figures;

    @Test
    void anArtistNeverStreamedHasNoPage() {
        String listener = new HandMadePlays()
                .play("2025-01-01T10:00:00Z", MINUTE, "One", "Ada")
                .store();

        assertTrue(figures.artist(listener, "Nobody", 5).isEmpty());
        assertTrue(figures.artist(listener, "ada", 5).isEmpty(), "names are exact");
        assertTrue(figures.artist(new HandMadePlays().store(), "Ada", 5).isEmpty());
    }

    @Test
    void anArtistsPlaysMonthsTopTracksAndFirstAndLastPlay() {
        String listener = new HandMadePlays()
                .play("2025-01-10T10:00:00Z", MINUTE, "One", "Ada")
                .play("2025-01-31T23:30:00Z", MINUTE, "One", "Ada") // January in UTC (February in Berlin)
                .play("2025-02-10T10:00:00Z", MINUTE, "Two", "Ada")
                .play("2025-03-10T10:00:00Z", MINUTE, "One", "Ada")
                .play("2025-03-20T10:00:00Z", 5_000, "Two", "Ada") // a skip: time, not a play, not the last play
                .times(5, "2025-02-01T10:00:00Z", "One", "Bo") // another artist's track of the same name
                .store();

        ArtistFigures ada = figures.artist(listener, "Ada", 5).orElseThrow();

        assertEquals("Ada", ada.name());
        assertEquals(4, ada.plays());
        assertEquals(4 * MINUTE + 5_000, ada.msPlayed());
        assertEquals(Instant.parse("2025-01-10T10:00:00Z"), ada.firstPlay());
        assertEquals(Instant.parse("2025-03-10T10:00:00Z"), ada.lastPlay());
        assertEquals(
                List.of(
                        new MonthTotal(YearMonth.of(2025, 1), 2, 2 * MINUTE),
                        new MonthTotal(YearMonth.of(2025, 2), 1, MINUTE),
                        new MonthTotal(YearMonth.of(2025, 3), 1, MINUTE + 5_000)),
                ada.overTime());
        assertEquals(List.of("One", "Two"), names(ada.topTracks()));
        assertEquals(
                new Ranked(
                        1,
                        EntityKind.TRACK,
                        "One",
                        "Ada",
                        3,
                        3 * MINUTE,
                        0,
                        Instant.parse("2025-01-10T10:00:00Z"),
                        false),
                ada.topTracks().get(0));
        assertEquals(
                List.of("One"),
                names(figures.artist(listener, "Ada", 1).orElseThrow().topTracks()));
        assertEquals(5, figures.artist(listener, "Bo", 5).orElseThrow().plays());
    }

    @Test
    void markupLikeAndVeryLongArtistNamesAreFoundExactly() {
        String markup = "<script>alert(\"&\")</script>";
        String long1000 = markup + "\u00e9".repeat(1000 - markup.length());
        String listener = new HandMadePlays()
                .play("2025-01-10T10:00:00Z", MINUTE, "One", markup)
                .play("2025-01-10T11:00:00Z", MINUTE, "Two", long1000)
                .store();

        assertEquals(1, figures.artist(listener, markup, 5).orElseThrow().plays());
        assertEquals(
                long1000, figures.artist(listener, long1000, 5).orElseThrow().name());
        assertEquals(
                List.of("Two"),
                names(figures.artist(listener, long1000, 5).orElseThrow().topTracks()));
    }
}
