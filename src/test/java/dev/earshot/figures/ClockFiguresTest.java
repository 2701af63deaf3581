package dev.earshot.figures;

import static dev.earshot.figures.CalendarFiguresTest.period;
import static dev.earshot.figures.HandMadePlays.MINUTE;
import static dev.earshot.figures.PeriodFiguresTest.BERLIN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.earshot.history.HistoryPeriod;
import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.util.Collections;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@link ListeningFigures#clock}: plays by weekday and hour in the viewer's zone, on hand-made plays. */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
@Tag("database")
class ClockFiguresTest {

    @Inject
    ListeningFigures figures;

    @Test
    void anEmptyHistoryHasAnEmptyClockWithoutATopHour() {
        ListeningClock clock = figures.clock(new HandMadePlays().store(), PeriodFiguresTest.MARCH);

        assertEquals(Collections.nCopies(168, 0L), clock.plays());
        assertEquals(0, clock.basedOn());
        assertEquals(-1, clock.topHour());
    }

    @Test
    void hoursAndWeekdaysAreTheViewersAndOnlyPlaysCount() {
        String listener = new HandMadePlays()
                .play("2025-01-06T23:30:00Z", MINUTE, "late", "Ada") // Monday 23:30 UTC, Tuesday 00:30 in Berlin
                .play("2025-01-07T10:00:00Z", 10_000, "skip", "Ada")
                .play("2025-01-08T10:15:00Z", MINUTE, "a", "Ada") // Wednesday 10 UTC, 11 in Berlin
                .play("2025-01-08T10:45:00Z", MINUTE, "b", "Ada")
                .episode("2025-01-08T12:00:00Z", 600_000, "Episode", "Show")
                .store();

        ListeningClock utc = figures.clock(listener, PeriodFiguresTest.month(2025, 1, HistoryPeriod.UTC));
        ListeningClock berlin = figures.clock(listener, PeriodFiguresTest.month(2025, 1, BERLIN));

        assertEquals(1, utc.plays(DayOfWeek.MONDAY, 23));
        assertEquals(2, utc.plays(DayOfWeek.WEDNESDAY, 10));
        assertEquals(0, utc.plays(DayOfWeek.TUESDAY, 10), "a skip is no play");
        assertEquals(3, utc.basedOn());
        assertEquals(10, utc.topHour());
        assertEquals(HistoryPeriod.UTC, utc.zone());
        assertEquals(1, berlin.plays(DayOfWeek.TUESDAY, 0));
        assertEquals(0, berlin.plays(DayOfWeek.MONDAY, 23));
        assertEquals(2, berlin.plays(DayOfWeek.WEDNESDAY, 11));
        assertEquals(3, berlin.basedOn());
        assertEquals(11, berlin.topHour());
        assertEquals(BERLIN, berlin.zone());
        assertEquals(2, berlin.playsOn(DayOfWeek.WEDNESDAY));
        assertEquals(1, berlin.playsAtHour(0));
    }

    @Test
    void theSpringForwardDayHasNoHourTwoAndTheFallBackDayHasItTwice() {
        String listener = new HandMadePlays()
                .play("2025-03-30T00:30:00Z", MINUTE, "a", "Ada") // 01:30 CET
                .play("2025-03-30T01:30:00Z", MINUTE, "a", "Ada") // 03:30 CEST: 02:00–03:00 did not happen
                .play("2025-10-26T00:30:00Z", MINUTE, "b", "Bo") // 02:30 CEST
                .play("2025-10-26T01:30:00Z", MINUTE, "b", "Bo") // 02:30 CET
                .store();

        ListeningClock spring = figures.clock(listener, period("2025-03-30", "2025-03-31", BERLIN));
        ListeningClock autumn = figures.clock(listener, period("2025-10-26", "2025-10-27", BERLIN));

        assertEquals(1, spring.plays(DayOfWeek.SUNDAY, 1));
        assertEquals(0, spring.plays(DayOfWeek.SUNDAY, 2));
        assertEquals(1, spring.plays(DayOfWeek.SUNDAY, 3));
        assertEquals(2, spring.basedOn());
        assertEquals(1, spring.topHour(), "the earliest of equal hours");
        assertEquals(2, autumn.plays(DayOfWeek.SUNDAY, 2));
        assertEquals(2, autumn.basedOn());
        assertEquals(2, autumn.topHour());
    }
}
