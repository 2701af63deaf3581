package dev.earshot.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.earshot.history.HistoryPeriod;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** {@link PreviousPeriod}: what a period is compared with. */
class PreviousPeriodTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aCalendarYearOrYearsFollowTheYearsBefore() {
        assertEquals(period("2024-01-01", "2025-01-01"), PreviousPeriod.of(period("2025-01-01", "2026-01-01")));
        assertEquals(period("2022-01-01", "2024-01-01"), PreviousPeriod.of(period("2024-01-01", "2026-01-01")));
    }

    @Test
    void aCalendarMonthOrMonthsFollowTheMonthsBeforeWhateverTheirLength() {
        assertEquals(period("2025-02-01", "2025-03-01"), PreviousPeriod.of(period("2025-03-01", "2025-04-01")));
        assertEquals(period("2024-02-01", "2024-03-01"), PreviousPeriod.of(period("2024-03-01", "2024-04-01")));
        assertEquals(period("2024-12-01", "2025-01-01"), PreviousPeriod.of(period("2025-01-01", "2025-02-01")));
        assertEquals(period("2024-11-01", "2025-01-01"), PreviousPeriod.of(period("2025-01-01", "2025-03-01")));
    }

    @Test
    void anyOtherPeriodFollowsTheSameNumberOfDaysJustBefore() {
        assertEquals(period("2025-03-03", "2025-03-10"), PreviousPeriod.of(period("2025-03-10", "2025-03-17")));
        assertEquals(period("2025-01-30", "2025-03-02"), PreviousPeriod.of(period("2025-03-02", "2025-04-02")));
        assertEquals(period("2025-03-29", "2025-03-30"), PreviousPeriod.of(period("2025-03-30", "2025-03-31")));
    }

    @Test
    void theZoneIsKeptAndOpenPeriodsHaveNone() {
        HistoryPeriod inBerlin =
                new HistoryPeriod(LocalDate.parse("2025-03-01"), LocalDate.parse("2025-04-01"), BERLIN);

        assertEquals(BERLIN, PreviousPeriod.of(inBerlin).zone());
        assertNull(PreviousPeriod.of(HistoryPeriod.allTime()));
        assertNull(PreviousPeriod.of(new HistoryPeriod(LocalDate.parse("2025-03-01"), null, BERLIN)));
        assertNull(PreviousPeriod.of(new HistoryPeriod(null, LocalDate.parse("2025-03-01"), BERLIN)));
    }

    private static HistoryPeriod period(String from, String to) {
        return new HistoryPeriod(LocalDate.parse(from), LocalDate.parse(to), HistoryPeriod.UTC);
    }
}
