package dev.earshot.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link LocalDays}: hours of UTC into the viewer's days, streaks, the top day and the clock. */
class LocalDaysTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId UTC = ZoneId.of("UTC");

    @Test
    void hoursBecomeLocalDaysOldestFirst() {
        List<HourCell> cells = List.of(
                cell("2025-01-31T22:00:00Z", 1, 60_000), // 23:00 in Berlin, 31 January
                cell("2025-01-31T23:00:00Z", 2, 120_000), // 00:00 in Berlin, 1 February
                cell("2025-02-01T10:00:00Z", 0, 5_000));

        assertEquals(List.of(day("2025-01-31", 3, 180_000), day("2025-02-01", 0, 5_000)), LocalDays.of(cells, UTC));
        assertEquals(List.of(day("2025-01-31", 1, 60_000), day("2025-02-01", 2, 125_000)), LocalDays.of(cells, BERLIN));
        assertEquals(List.of(), LocalDays.of(List.of(), BERLIN));
    }

    @Test
    void the23HoursOfSpringForwardAndThe25HoursOfFallBackAreOneDayEach() {
        List<HourCell> spring = hoursFrom("2025-03-29T23:00:00Z", 23);
        List<HourCell> autumn = hoursFrom("2025-10-25T22:00:00Z", 25);

        assertEquals(List.of(day("2025-03-30", 23, 23 * 60_000L)), LocalDays.of(spring, BERLIN));
        assertEquals(List.of(day("2025-10-26", 25, 25 * 60_000L)), LocalDays.of(autumn, BERLIN));
        assertEquals(
                2, LocalDays.of(hoursFrom("2025-03-29T23:00:00Z", 24), BERLIN).size(), "the 24th hour is the 31st");
    }

    @Test
    void theClockPutsEachHourInTheViewersHourAndWeekday() {
        ListeningClock spring = LocalDays.clock(hoursFrom("2025-03-29T23:00:00Z", 23), BERLIN);
        ListeningClock autumn = LocalDays.clock(hoursFrom("2025-10-25T22:00:00Z", 25), BERLIN);

        assertEquals(0, spring.plays(DayOfWeek.SUNDAY, 2), "02:00 did not happen on 30 March");
        assertEquals(1, spring.plays(DayOfWeek.SUNDAY, 3));
        assertEquals(23, spring.playsOn(DayOfWeek.SUNDAY));
        assertEquals(2, autumn.plays(DayOfWeek.SUNDAY, 2), "02:00 happened twice on 26 October");
        assertEquals(25, autumn.basedOn());
        assertEquals(2, autumn.topHour());
        assertEquals(-1, LocalDays.clock(List.of(), BERLIN).topHour());
    }

    @Test
    void streaksAreRunsOfDaysWithAPlayTheEarliestLongestAndTheOneEndingTodayOrYesterday() {
        List<DayTotal> days = List.of(
                day("2025-03-01", 1, 1),
                day("2025-03-02", 4, 1),
                day("2025-03-03", 0, 5_000), // only a skip: the run ends
                day("2025-03-04", 1, 1),
                day("2025-03-05", 1, 1),
                day("2025-03-07", 1, 1));

        assertEquals(
                new Streaks(2, LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-02"), 1),
                LocalDays.streaks(days, LocalDate.parse("2025-03-07")));
        assertEquals(1, LocalDays.streaks(days, LocalDate.parse("2025-03-08")).current(), "yesterday");
        assertEquals(0, LocalDays.streaks(days, LocalDate.parse("2025-03-09")).current());
        assertEquals(
                2,
                LocalDays.streaks(days.subList(0, 5), LocalDate.parse("2025-03-06"))
                        .current(),
                "4–5 March");
        assertEquals(Streaks.NONE, LocalDays.streaks(List.of(), LocalDate.parse("2025-03-09")));
        assertEquals(
                Streaks.NONE, LocalDays.streaks(List.of(day("2025-03-03", 0, 5_000)), LocalDate.parse("2025-03-03")));
    }

    @Test
    void theTopDayHasTheMostTimeTheEarliestOfEquals() {
        assertEquals(
                day("2025-03-02", 1, 300),
                LocalDays.topDay(
                        List.of(day("2025-03-01", 5, 100), day("2025-03-02", 1, 300), day("2025-03-03", 9, 300))));
        assertNull(LocalDays.topDay(List.of()));
    }

    private static List<HourCell> hoursFrom(String start, int count) {
        List<HourCell> cells = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            cells.add(new HourCell(HourCell.epochHourOf(Instant.parse(start)) + i, 1, 60_000));
        }
        return cells;
    }

    private static HourCell cell(String start, long plays, long ms) {
        return new HourCell(HourCell.epochHourOf(Instant.parse(start)), plays, ms);
    }

    private static DayTotal day(String day, long plays, long ms) {
        return new DayTotal(LocalDate.parse(day), plays, ms);
    }
}
