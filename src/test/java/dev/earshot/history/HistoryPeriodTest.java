package dev.earshot.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Periods of local days: their bounds are local midnights as instants, whatever daylight saving does. */
class HistoryPeriodTest {

    @Test
    void aBerlinDayIs23HoursWhenClocksGoForwardAnd25WhenTheyGoBack() {
        HistoryPeriod spring = HistoryPeriod.parse("2024-03-31", "2024-04-01", "Europe/Berlin");
        HistoryPeriod autumn = HistoryPeriod.parse("2024-10-27", "2024-10-28", "Europe/Berlin");

        assertEquals(Instant.parse("2024-03-30T23:00:00Z"), spring.start());
        assertEquals(Instant.parse("2024-03-31T22:00:00Z"), spring.end());
        assertEquals(Duration.ofHours(23), Duration.between(spring.start(), spring.end()));
        assertEquals(Instant.parse("2024-10-26T22:00:00Z"), autumn.start());
        assertEquals(Duration.ofHours(25), Duration.between(autumn.start(), autumn.end()));
    }

    @Test
    void aMidnightThatDoesNotExistStartsAtTheFirstInstantThatDoes() {
        // Chile's clocks jumped from 24:00 to 01:00 on 2024-09-08 in America/Santiago.
        HistoryPeriod day = HistoryPeriod.parse("2024-09-08", "2024-09-09", "America/Santiago");

        assertEquals(Instant.parse("2024-09-08T04:00:00Z"), day.start());
        assertEquals(Duration.ofHours(23), Duration.between(day.start(), day.end()));
    }

    @Test
    void tokyoDaysStartNineHoursBeforeUtcOnes() {
        assertEquals(
                Instant.parse("2024-06-01T15:00:00Z"),
                HistoryPeriod.parse("2024-06-02", null, "Asia/Tokyo").start());
    }

    @Test
    void everythingIsOptionalAndTheDefaultZoneIsUtc() {
        HistoryPeriod all = HistoryPeriod.parse(null, "", null);

        assertNull(all.start());
        assertNull(all.end());
        assertEquals("UTC", all.zone().getId());
        assertEquals(
                Instant.parse("2024-01-01T00:00:00Z"),
                HistoryPeriod.parse("2024-01-01", null, null).start());
    }

    @Test
    void badDatesZonesAndOrdersAreRefusedInPlainWords() {
        assertEquals(
                "'from' must be a date written YYYY-MM-DD, such as 2024-03-31.",
                assertThrows(BadHistoryQuery.class, () -> HistoryPeriod.parse("31.03.2024", null, null))
                        .getMessage());
        assertEquals(
                "'to' is not a date of the calendar: 2023-02-29.",
                assertThrows(BadHistoryQuery.class, () -> HistoryPeriod.parse(null, "2023-02-29", null))
                        .getMessage());
        assertThrows(BadHistoryQuery.class, () -> HistoryPeriod.parse("+12024-01-01", null, null));
        assertThrows(BadHistoryQuery.class, () -> HistoryPeriod.parse(null, null, "Europe/Atlantis"));
        assertThrows(BadHistoryQuery.class, () -> HistoryPeriod.parse(null, null, "../../etc/passwd"));
        assertThrows(BadHistoryQuery.class, () -> HistoryPeriod.parse("2024-05-02", "2024-05-01", null));
        assertThrows(BadHistoryQuery.class, () -> HistoryPeriod.parse("2024-05-01", "2024-05-01", null));
    }

    @Test
    void theLimitIsAWholeNumberFromOneToFifty() {
        assertEquals(10, SummaryLimit.parse(null));
        assertEquals(1, SummaryLimit.parse("1"));
        assertEquals(50, SummaryLimit.parse("50"));
        for (String bad : new String[] {"0", "51", "-1", "ten", "1.5", "99999999999"}) {
            assertThrows(BadHistoryQuery.class, () -> SummaryLimit.parse(bad), bad);
        }
    }
}
