package dev.earshot.figures;

import static dev.earshot.figures.CalendarFiguresTest.period;
import static dev.earshot.figures.HandMadePlays.MINUTE;
import static dev.earshot.figures.PeriodFiguresTest.BERLIN;
import static dev.earshot.figures.PeriodFiguresTest.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.earshot.history.HistoryPeriod;
import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@link ListeningFigures#discovery}: first heard in the period, and forgotten favourites, on hand-made plays. */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
@Tag("database")
class DiscoveryFiguresTest {

    static final HistoryPeriod YEAR_2025 = period("2025-01-01", "2026-01-01", HistoryPeriod.UTC);

    @Inject
    ListeningFigures figures;

    @Test
    void anEmptyHistoryDiscoversNothingAndForgetsNothing() {
        assertEquals(
                new Discovery(0, List.of(), List.of()), figures.discovery(new HandMadePlays().store(), YEAR_2025, 5));
    }

    @Test
    void artistsFirstPlayedInThePeriodAreFirstHeardMostPlayedFirst() {
        String listener = history();

        Discovery discovery = figures.discovery(listener, YEAR_2025, 5);

        assertEquals(2, discovery.newArtists());
        assertEquals(List.of("Fresh", "Newer"), names(discovery.firstHeard()));
        Ranked fresh = discovery.firstHeard().get(0);
        assertEquals(
                new Ranked(
                        1,
                        EntityKind.ARTIST,
                        "Fresh",
                        null,
                        2,
                        2 * MINUTE,
                        0,
                        Instant.parse("2025-03-01T10:00:00Z"),
                        true),
                fresh,
                "its plays and time in the period; a skip in 2024 made it no less new");
        assertEquals(2, discovery.firstHeard().get(1).rank());
        assertEquals(
                List.of("Fresh"),
                names(figures.discovery(listener, YEAR_2025, 1).firstHeard()));
        assertEquals(2, figures.discovery(listener, YEAR_2025, 1).newArtists());
    }

    @Test
    void forgottenFavouritesAreTopArtistsOfAnEarlierYearNotPlayedSince() {
        String listener = history();

        List<Discovery.ForgottenFavourite> forgotten =
                figures.discovery(listener, YEAR_2025, 5).forgotten();

        assertEquals(
                List.of(
                        new Discovery.ForgottenFavourite("Old", 2023, 1, 10, Instant.parse("2023-06-01T10:09:00Z")),
                        new Discovery.ForgottenFavourite("Mid", 2023, 3, 1, Instant.parse("2023-08-01T10:00:00Z"))),
                forgotten,
                "Still was heard again in 2025; the artists of 2025 itself are not forgotten in 2025");
        assertEquals(
                forgotten,
                figures.discovery(listener, period("2025-01-01", "2026-01-01", BERLIN), 5)
                        .forgotten(),
                "the same in any time zone");
        assertEquals(
                forgotten.subList(0, 1),
                figures.discovery(listener, YEAR_2025, 1).forgotten());
    }

    @Test
    void allTimeDiscoversEveryArtistAndForgetsThoseOfYearsBeforeTheLastAndStaysQuick() {
        String listener = history();

        Discovery discovery = assertTimeoutPreemptively(
                Duration.ofSeconds(10), () -> figures.discovery(listener, HistoryPeriod.allTime(), 10));

        assertEquals(5, discovery.newArtists());
        assertEquals(List.of("Old", "Still", "Fresh", "Mid", "Newer"), names(discovery.firstHeard()));
        assertEquals(
                List.of("Old", "Mid"),
                discovery.forgotten().stream()
                        .map(Discovery.ForgottenFavourite::artist)
                        .toList());
    }

    /**
     * 2023: Old 10 plays, Still 5, Mid 1. 2024: Still 2, a skip of Fresh. 2025: Fresh 2, Newer 1, Still 1
     * (the last of them on 1 December).
     */
    private static String history() {
        return new HandMadePlays()
                .times(10, "2023-06-01T10:00:00Z", "o", "Old")
                .times(5, "2023-07-01T10:00:00Z", "s", "Still")
                .times(1, "2023-08-01T10:00:00Z", "m", "Mid")
                .times(2, "2024-05-01T10:00:00Z", "s", "Still")
                .play("2024-06-01T10:00:00Z", 5_000, "f", "Fresh")
                .times(2, "2025-03-01T10:00:00Z", "f", "Fresh")
                .times(1, "2025-04-01T10:00:00Z", "n", "Newer")
                .times(1, "2025-12-01T10:00:00Z", "s", "Still")
                .store();
    }
}
