package dev.earshot.owner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Dates on the setup page and the owner's banner read as a person says them. */
class ReadableDateTest {

    private static final Instant NOW = Instant.parse("2026-11-29T06:49:17.083514812Z");

    @Test
    void laterTodayIsToday() {
        assertEquals("29 November 2026, today", ReadableDate.of(NOW.plus(Duration.ofHours(10)), NOW));
    }

    @Test
    void theNextDayIsTomorrowEvenWhenLessThanADayAway() {
        assertEquals("30 November 2026, tomorrow", ReadableDate.of(Instant.parse("2026-11-30T01:00:00Z"), NOW));
    }

    @Test
    void withinTwoMonthsTheDaysAreCounted() {
        assertEquals("13 December 2026, in 14 days", ReadableDate.of(NOW.plus(Duration.ofDays(14)), NOW));
        assertEquals("27 January 2027, in 59 days", ReadableDate.of(NOW.plus(Duration.ofDays(59)), NOW));
    }

    @Test
    void furtherAwayTheMonthsAreCountedRounded() {
        assertEquals("29 May 2027, in 6 months", ReadableDate.of(Instant.parse("2027-05-29T06:49:17.083514812Z"), NOW));
        // A day later it is five months and 29 days away: still "in 6 months" to a person.
        assertEquals(
                "29 May 2027, in 6 months",
                ReadableDate.of(Instant.parse("2027-05-29T06:49:17Z"), NOW.plus(Duration.ofDays(1))));
        assertEquals("28 January 2027, in 2 months", ReadableDate.of(NOW.plus(Duration.ofDays(60)), NOW));
    }

    @Test
    void aDateInThePastHasEnded() {
        assertEquals("26 November 2026, ended 3 days ago", ReadableDate.of(NOW.minus(Duration.ofDays(3)), NOW));
        assertEquals("28 November 2026, ended yesterday", ReadableDate.of(NOW.minus(Duration.ofDays(1)), NOW));
        assertEquals("29 November 2026, ended today", ReadableDate.of(NOW.minus(Duration.ofHours(1)), NOW));
        assertEquals("29 May 2026, ended 6 months ago", ReadableDate.of(Instant.parse("2026-05-29T00:00:00Z"), NOW));
    }
}
