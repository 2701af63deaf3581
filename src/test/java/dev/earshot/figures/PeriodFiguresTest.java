package dev.earshot.figures;

import static dev.earshot.figures.HandMadePlays.MINUTE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.history.HistoryPeriod;
import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@link ListeningFigures#period}: totals and top lists of a period and the period before, on hand-made plays. */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
@Tag("database")
class PeriodFiguresTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final HistoryPeriod MARCH = month(2025, 3, HistoryPeriod.UTC);

    @Inject
    ListeningFigures figures;

    @Test
    void anEmptyHistoryHasZerosEmptyListsAndAnEmptyPreviousPeriod() {
        String listener = new HandMadePlays().store();

        PeriodFigures march = figures.period(listener, MARCH, 10);

        assertTrue(march.empty());
        assertEquals(0, march.plays());
        assertEquals(0, march.msPlayed());
        assertEquals(0, march.distinctArtists() + march.distinctTracks() + march.distinctAlbums());
        assertEquals(List.of(), march.topArtists());
        assertEquals(List.of(), march.topTracks());
        assertEquals(List.of(), march.topAlbums());
        assertEquals(month(2025, 2, HistoryPeriod.UTC), march.previous().period());
        assertTrue(march.previous().empty());
        assertTrue(figures.span(listener).isEmpty());
        assertTrue(figures.period(listener, HistoryPeriod.allTime(), 10).empty());
        assertNull(figures.period(listener, HistoryPeriod.allTime(), 10).previous(), "all time has no previous");
    }

    @Test
    void onePlayIsOneOfEverythingAndNewThisPeriod() {
        String listener = new HandMadePlays()
                .play("2025-03-04T10:00:00Z", 200_000, "Song", "Ada")
                .store();

        PeriodFigures march = figures.period(listener, MARCH, 10);

        assertEquals(1, march.plays());
        assertEquals(200_000, march.msPlayed());
        assertEquals(3, march.minutes(), "whole minutes: 3 min 20 s is 3");
        assertEquals(
                List.of(1L, 1L, 1L), List.of(march.distinctArtists(), march.distinctTracks(), march.distinctAlbums()));
        Instant played = Instant.parse("2025-03-04T10:00:00Z");
        assertEquals(
                List.of(new Ranked(1, EntityKind.ARTIST, "Ada", null, 1, 200_000, 0, played, true)),
                march.topArtists());
        assertEquals(
                List.of(new Ranked(1, EntityKind.TRACK, "Song", "Ada", 1, 200_000, 0, played, true)),
                march.topTracks());
        assertEquals(
                List.of(new Ranked(1, EntityKind.ALBUM, "Album of Song", "Ada", 1, 200_000, 0, played, true)),
                march.topAlbums());
        Ranked line = march.topArtists().get(0);
        assertTrue(line.up(), "not in the previous period counts as up");
        assertFalse(line.down());
        assertTrue(march.previous().empty());
        assertEquals(new HistorySpan(played, played), figures.span(listener).orElseThrow());
    }

    @Test
    void playsCountStreamsOfThirtySecondsOnTimeCountsEveryStreamAndEpisodesNothing() {
        String listener = new HandMadePlays()
                .times(3, "2025-03-10T08:00:00Z", "A1", "Ada")
                .play("2025-03-10T09:00:00Z", 10_000, "A1", "Ada") // a skip: time, not a play
                .play("2025-03-11T08:00:00Z", 100_000, "B1", "Bo")
                .play("2025-03-12T08:00:00Z", 100_000, "B1", "Bo")
                .play("2025-03-13T08:00:00Z", 29_999, "C1", "Cy") // just under 30 s: no play
                .play("2025-03-13T09:00:00Z", 30_000, "D1", "Dee") // exactly 30 s: a play
                .episode("2025-03-14T08:00:00Z", 600_000, "Episode", "Show")
                .play("2025-02-28T23:59:59Z", MINUTE, "Before", "Eve") // the previous period's last second
                .play("2025-04-01T00:00:00Z", MINUTE, "After", "Eve") // the next period's first instant
                .store();

        PeriodFigures march = figures.period(listener, MARCH, 10);

        assertEquals(6, march.plays());
        assertEquals(3 * MINUTE + 10_000 + 200_000 + 29_999 + 30_000, march.msPlayed());
        assertEquals(7, march.minutes(), "449,999 ms is 7 whole minutes");
        assertEquals(3, march.distinctArtists(), "Cy was only streamed under 30 s: not a distinct artist played");
        assertEquals(3, march.distinctTracks());
        assertEquals(3, march.distinctAlbums());
        assertEquals(List.of("Ada", "Bo", "Dee"), names(march.topArtists()));
        Ranked ada = march.topArtists().get(0);
        assertEquals(3, ada.plays());
        assertEquals(3 * MINUTE + 10_000, ada.msPlayed(), "the skip's time counts");
        assertEquals(1, march.previous().plays());
        assertEquals(List.of("Eve"), names(march.previous().topArtists()));
    }

    @Test
    void tiesAreBrokenByTimeThenByNameCaseAsideAndRanksStayDistinct() {
        String listener = new HandMadePlays()
                .times(2, "2025-03-02T10:00:00Z", "x", "Xu") // 2 plays, 2 min
                .play("2025-03-03T10:00:00Z", 90_000, "y", "Yan")
                .play("2025-03-03T11:00:00Z", 90_000, "y", "Yan") // 2 plays, 3 min
                .play("2025-03-04T10:00:00Z", MINUTE, "b", "beta") // 1 play, 1 min
                .play("2025-03-04T11:00:00Z", MINUTE, "a", "Alpha") // 1 play, 1 min
                .play("2025-03-04T12:00:00Z", MINUTE, "same", "Zed")
                .play("2025-03-04T13:00:00Z", MINUTE, "same", "Abe") // same track name, two artists
                .store();

        PeriodFigures march = figures.period(listener, MARCH, 10);

        assertEquals(List.of("Yan", "Xu", "Abe", "Alpha", "beta", "Zed"), names(march.topArtists()));
        assertEquals(
                List.of(1, 2, 3, 4, 5, 6),
                march.topArtists().stream().map(Ranked::rank).toList());
        assertEquals(List.of("y", "x", "a", "b", "same", "same"), names(march.topTracks()));
        assertEquals(
                List.of("Abe", "Zed"),
                march.topTracks().subList(4, 6).stream().map(Ranked::artist).toList());
        assertEquals(6, march.distinctTracks(), "a track is its artist and name");
    }

    @Test
    void topListsAreCutToTheLimitWhileDistinctCountsAreNot() {
        String listener = new HandMadePlays()
                .times(3, "2025-03-02T10:00:00Z", "a", "A")
                .times(2, "2025-03-03T10:00:00Z", "b", "B")
                .times(1, "2025-03-04T10:00:00Z", "c", "C")
                .store();

        PeriodFigures march = figures.period(listener, MARCH, 2);

        assertEquals(List.of("A", "B"), names(march.topArtists()));
        assertEquals(3, march.distinctArtists());
        assertEquals(6, march.plays());
    }

    @Test
    void previousRanksGiveUpAndDownAndNewThisPeriodIsTheFirstPlayEver() {
        String listener = new HandMadePlays()
                .times(1, "2025-01-15T10:00:00Z", "d", "Dee") // January: Dee, so not new in March
                .times(3, "2025-02-10T10:00:00Z", "b", "Bo") // February: Bo 1, Cy 2, Ada 3
                .times(2, "2025-02-11T10:00:00Z", "c", "Cy")
                .times(1, "2025-02-12T10:00:00Z", "a", "Ada")
                .times(4, "2025-03-10T10:00:00Z", "a", "Ada") // March: Ada 1, Bo 2, Dee 3, Eve 4
                .times(2, "2025-03-11T10:00:00Z", "b", "Bo")
                .play("2025-03-12T10:00:00Z", 100_000, "d", "Dee")
                .play("2025-03-13T10:00:00Z", 50_000, "e", "Eve")
                .store();

        PeriodFigures march = figures.period(listener, MARCH, 10);

        assertEquals(List.of("Ada", "Bo", "Dee", "Eve"), names(march.topArtists()));
        assertEquals(
                List.of(3, 1, 0, 0),
                march.topArtists().stream().map(Ranked::previousRank).toList());
        assertEquals(
                List.of(true, false, true, true),
                march.topArtists().stream().map(Ranked::up).toList());
        assertEquals(
                List.of(false, true, false, false),
                march.topArtists().stream().map(Ranked::down).toList());
        assertEquals(
                List.of(false, false, false, true),
                march.topArtists().stream().map(Ranked::newThisPeriod).toList());
        assertEquals(
                Instant.parse("2025-01-15T10:00:00Z"), march.topArtists().get(2).firstPlayEver());
        assertEquals(
                Instant.parse("2025-03-13T10:00:00Z"), march.topArtists().get(3).firstPlayEver());
        assertEquals(
                List.of(3, 1, 0, 0),
                march.topTracks().stream().map(Ranked::previousRank).toList());

        PeriodFigures february = march.previous();
        assertEquals(month(2025, 2, HistoryPeriod.UTC), february.period());
        assertEquals(6, february.plays());
        assertEquals(List.of("Bo", "Cy", "Ada"), names(february.topArtists()));
        assertNull(february.previous(), "the previous period's figures have no previous of their own");
        assertEquals(
                List.of(true, true, true),
                february.topArtists().stream().map(Ranked::newThisPeriod).toList(),
                "Bo, Cy and Ada were first played in February");
    }

    @Test
    void aNameThatOnlyHadShortStreamsBeforeIsNewWhenItsFirstRealPlayComes() {
        String listener = new HandMadePlays()
                .play("2025-02-10T10:00:00Z", 5_000, "a", "Ada") // a skip in February
                .play("2025-03-10T10:00:00Z", MINUTE, "a", "Ada")
                .store();

        Ranked ada = figures.period(listener, MARCH, 10).topArtists().get(0);

        assertTrue(ada.newThisPeriod());
        assertEquals(0, ada.previousRank(), "a skip does not rank");
    }

    @Test
    void aPlayAt2330UtcIsTheNextDayInBerlinAndCountsInThatPeriod() {
        String listener = new HandMadePlays()
                .play("2025-01-31T23:30:00Z", MINUTE, "Late", "Ada") // 00:30 on 1 February in Berlin
                .store();

        assertEquals(
                1,
                figures.period(listener, month(2025, 1, HistoryPeriod.UTC), 10).plays());
        assertEquals(
                0,
                figures.period(listener, month(2025, 2, HistoryPeriod.UTC), 10).plays());
        assertEquals(0, figures.period(listener, month(2025, 1, BERLIN), 10).plays());
        PeriodFigures februaryInBerlin = figures.period(listener, month(2025, 2, BERLIN), 10);
        assertEquals(1, februaryInBerlin.plays());
        assertEquals(month(2025, 1, BERLIN), februaryInBerlin.previous().period());
        assertTrue(februaryInBerlin.topArtists().get(0).newThisPeriod());
    }

    @Test
    void theDaysOfADaylightSavingChangeAre23And25HoursLong() {
        String listener = new HandMadePlays()
                .play("2025-03-29T22:59:00Z", MINUTE, "before", "Ada") // 23:59 CET on 29 March
                .play("2025-03-29T23:00:00Z", MINUTE, "midnight", "Ada") // 00:00 CET on 30 March
                .play("2025-03-30T21:59:00Z", MINUTE, "last", "Ada") // 23:59 CEST on 30 March
                .play("2025-03-30T22:00:00Z", MINUTE, "after", "Ada") // 00:00 CEST on 31 March
                .play("2025-10-25T21:59:00Z", MINUTE, "before", "Bo") // 23:59 CEST on 25 October
                .play("2025-10-25T22:00:00Z", MINUTE, "midnight", "Bo") // 00:00 CEST on 26 October
                .play("2025-10-26T22:59:00Z", MINUTE, "last", "Bo") // 23:59 CET on 26 October
                .play("2025-10-26T23:00:00Z", MINUTE, "after", "Bo") // 00:00 CET on 27 October
                .store();

        PeriodFigures springForward = figures.period(listener, day(2025, 3, 30), 10);
        PeriodFigures fallBack = figures.period(listener, day(2025, 10, 26), 10);

        assertEquals(
                List.of("midnight", "last"),
                names(springForward.topTracks().stream()
                        .sorted(java.util.Comparator.comparing(Ranked::firstPlayEver))
                        .toList()));
        assertEquals(2, springForward.plays());
        assertEquals(2, fallBack.plays());
        assertEquals(List.of("Bo"), names(fallBack.topArtists()));
        assertEquals(day(2025, 3, 29), springForward.previous().period());
        assertEquals(1, springForward.previous().plays(), "the day before holds 'before' only");
        assertEquals(1, figures.period(listener, day(2025, 10, 25), 10).plays());
    }

    @Test
    void veryLongAndMarkupLikeNamesComeBackExactlyAsStored() {
        String markup = "<script>alert(\"&\")</script>";
        String long1000 = markup + "x".repeat(1000 - markup.length());
        String listener = new HandMadePlays()
                .play("2025-03-10T10:00:00Z", MINUTE, long1000, markup, "\"&<b>album</b>")
                .play("2025-03-10T11:00:00Z", MINUTE, long1000 + "-other", markup, "\"&<b>album</b>")
                .store();

        PeriodFigures march = figures.period(listener, MARCH, 10);

        assertEquals(List.of(markup), names(march.topArtists()));
        assertEquals(2, march.topArtists().get(0).plays());
        assertEquals(List.of(long1000), names(march.topTracks()), "names are cut to 1000 code points when stored");
        assertEquals(2, march.topTracks().get(0).plays());
        assertEquals(1000, march.topTracks().get(0).name().length());
        assertEquals(List.of("\"&<b>album</b>"), names(march.topAlbums()));
        assertEquals(markup, march.topAlbums().get(0).artist());
    }

    static List<String> names(List<Ranked> lines) {
        return lines.stream().map(Ranked::name).toList();
    }

    static HistoryPeriod month(int year, int month, ZoneId zone) {
        LocalDate first = LocalDate.of(year, month, 1);
        return new HistoryPeriod(first, first.plusMonths(1), zone);
    }

    static HistoryPeriod day(int year, int month, int day) {
        LocalDate date = LocalDate.of(year, month, day);
        return new HistoryPeriod(date, date.plusDays(1), BERLIN);
    }
}
