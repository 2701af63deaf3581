package dev.earshot.figures;

import static dev.earshot.figures.HandMadePlays.MINUTE;
import static dev.earshot.figures.PeriodFiguresTest.BERLIN;
import static dev.earshot.figures.PeriodFiguresTest.MARCH;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** {@link ListeningFigures#days} (the heatmap's data) and {@link ListeningFigures#streaks}, on hand-made plays. */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
@Tag("database")
class CalendarFiguresTest {

    @Inject
    ListeningFigures figures;

    @Test
    void anEmptyHistoryHasNoDaysAndNoStreaks() {
        String listener = new HandMadePlays().store();

        assertEquals(List.of(), figures.days(listener, MARCH));
        assertEquals(Streaks.NONE, figures.streaks(listener, MARCH, Instant.parse("2025-03-11T12:00:00Z")));
    }

    @Test
    void daysAreLocalDaysOfTheViewersZoneAndDaysWithOnlySkipsHaveTimeButNoPlays() {
        String listener = new HandMadePlays()
                .play("2025-01-31T23:30:00Z", MINUTE, "late", "Ada") // 00:30 on 1 February in Berlin
                .play("2025-02-01T10:00:00Z", MINUTE, "day", "Ada")
                .play("2025-02-01T11:00:00Z", 10_000, "skip", "Ada")
                .play("2025-02-03T10:00:00Z", 10_000, "skip", "Ada")
                .play("2025-02-20T10:00:00Z", MINUTE, "outside", "Ada")
                .episode("2025-02-02T10:00:00Z", 600_000, "Episode", "Show")
                .store();

        assertEquals(
                List.of(
                        new DayTotal(LocalDate.of(2025, 1, 31), 1, MINUTE),
                        new DayTotal(LocalDate.of(2025, 2, 1), 1, MINUTE + 10_000),
                        new DayTotal(LocalDate.of(2025, 2, 3), 0, 10_000)),
                figures.days(listener, period("2025-01-15", "2025-02-15", HistoryPeriod.UTC)));
        assertEquals(
                List.of(
                        new DayTotal(LocalDate.of(2025, 2, 1), 2, 2 * MINUTE + 10_000),
                        new DayTotal(LocalDate.of(2025, 2, 3), 0, 10_000)),
                figures.days(listener, period("2025-01-15", "2025-02-15", BERLIN)));
        assertEquals(
                2,
                figures.days(listener, period("2025-02-01", "2025-02-15", BERLIN))
                        .get(0)
                        .plays());
        assertEquals(
                2, // 130 s
                figures.days(listener, period("2025-02-01", "2025-02-15", BERLIN))
                        .get(0)
                        .minutes());
    }

    @Test
    void theDaysOfADaylightSavingChangeAreOneDayEachOf23And25Hours() {
        String listener = new HandMadePlays()
                .play("2025-03-29T23:00:00Z", MINUTE, "first", "Ada") // 00:00 CET, 30 March
                .play("2025-03-30T21:59:00Z", MINUTE, "last", "Ada") // 23:59 CEST, 30 March
                .play("2025-03-30T22:00:00Z", MINUTE, "next", "Ada") // 00:00 CEST, 31 March
                .play("2025-10-25T22:00:00Z", MINUTE, "first", "Bo") // 00:00 CEST, 26 October
                .play("2025-10-26T00:30:00Z", MINUTE, "twice", "Bo") // 02:30 CEST
                .play("2025-10-26T01:30:00Z", MINUTE, "twice", "Bo") // 02:30 CET, the hour again
                .play("2025-10-26T22:59:00Z", MINUTE, "last", "Bo") // 23:59 CET, 26 October
                .store();

        assertEquals(
                List.of(
                        new DayTotal(LocalDate.of(2025, 3, 30), 2, 2 * MINUTE),
                        new DayTotal(LocalDate.of(2025, 3, 31), 1, MINUTE),
                        new DayTotal(LocalDate.of(2025, 10, 26), 4, 4 * MINUTE)),
                figures.days(listener, period("2025-03-24", "2025-11-03", BERLIN)));
        assertEquals(
                List.of(
                        new DayTotal(LocalDate.of(2025, 3, 29), 1, MINUTE),
                        new DayTotal(LocalDate.of(2025, 3, 30), 2, 2 * MINUTE),
                        new DayTotal(LocalDate.of(2025, 10, 25), 1, MINUTE),
                        new DayTotal(LocalDate.of(2025, 10, 26), 3, 3 * MINUTE)),
                figures.days(listener, period("2025-03-24", "2025-11-03", HistoryPeriod.UTC)));
    }

    @Test
    void theLongestStreakIsTheEarliestOfTheLongestRunsAndSkipsDoNotKeepAStreak() {
        String listener = streakHistory();

        Streaks streaks = figures.streaks(listener, MARCH, Instant.parse("2025-03-11T12:00:00Z"));

        assertEquals(3, streaks.longest(), "1–3 March; 27–28 February lie before the period");
        assertEquals(LocalDate.of(2025, 3, 1), streaks.longestFrom());
        assertEquals(LocalDate.of(2025, 3, 3), streaks.longestTo());
    }

    @Test
    void theCurrentStreakEndsTodayOrYesterdayAndMayStartBeforeThePeriod() {
        String listener = streakHistory();

        assertEquals(
                1,
                figures.streaks(listener, MARCH, Instant.parse("2025-03-10T20:00:00Z"))
                        .current(),
                "today");
        assertEquals(
                1,
                figures.streaks(listener, MARCH, Instant.parse("2025-03-11T23:59:00Z"))
                        .current(),
                "yesterday");
        assertEquals(
                0,
                figures.streaks(listener, MARCH, Instant.parse("2025-03-12T00:00:00Z"))
                        .current());
        Streaks early = figures.streaks(listener, MARCH, Instant.parse("2025-03-03T13:00:00Z"));
        assertEquals(5, early.current(), "27 February to 3 March, across the period's start");
        assertEquals(3, early.longest(), "the longest is the period's own");
        assertEquals(
                3,
                figures.streaks(listener, MARCH, Instant.parse("2025-03-22T13:00:00Z"))
                        .current(),
                "plays after now do not count, and 20–22 March is current on the 22nd");
    }

    @Test
    void streaksCountLocalDaysOfTheViewersZone() {
        String listener = new HandMadePlays()
                .play("2025-03-01T12:00:00Z", MINUTE, "a", "Ada")
                .play("2025-03-02T23:30:00Z", MINUTE, "a", "Ada") // 3 March in Berlin
                .store();
        Instant now = Instant.parse("2025-03-03T08:00:00Z");

        assertEquals(
                new Streaks(2, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 2), 2),
                figures.streaks(listener, MARCH, now));
        assertEquals(
                new Streaks(1, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 1), 1),
                figures.streaks(listener, PeriodFiguresTest.month(2025, 3, BERLIN), now));
    }

    /** 27 Feb–3 Mar, 5–6 Mar, a skip on 9 Mar, 10 Mar, 20–22 Mar: one play at noon UTC on each. */
    private static String streakHistory() {
        return new HandMadePlays()
                .daily("2025-02-27", "12:00:00", 5, "a", "Ada")
                .daily("2025-03-05", "12:00:00", 2, "a", "Ada")
                .play("2025-03-09T12:00:00Z", 10_000, "a", "Ada")
                .daily("2025-03-10", "12:00:00", 1, "a", "Ada")
                .daily("2025-03-20", "12:00:00", 3, "a", "Ada")
                .store();
    }

    static HistoryPeriod period(String from, String to, ZoneId zone) {
        return new HistoryPeriod(LocalDate.parse(from), LocalDate.parse(to), zone);
    }
}
