package dev.earshot.figures;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Hours of UTC turned into the viewer's local days: the calendar heatmap's data and the streaks' input. */
public final class LocalDays {

    private LocalDays() {}

    /** The local days of {@code zone} that have any listening, oldest first. */
    public static List<DayTotal> of(List<HourCell> cells, ZoneId zone) {
        TreeMap<LocalDate, DayTotal> days = new TreeMap<>();
        for (HourCell cell : cells) {
            LocalDate day = LocalDate.ofInstant(cell.start(), zone);
            days.merge(
                    day,
                    new DayTotal(day, cell.plays(), cell.msPlayed()),
                    (known, more) -> known.plus(more.plays(), more.msPlayed()));
        }
        return new ArrayList<>(days.values());
    }

    /** The longest run of listening days among {@code days}, and the one that ends {@code today} (or yesterday). */
    public static Streaks streaks(List<DayTotal> days, LocalDate today) {
        int longest = 0;
        LocalDate longestFrom = null;
        LocalDate longestTo = null;
        int run = 0;
        LocalDate runFrom = null;
        LocalDate previous = null;
        for (DayTotal day : days) {
            if (day.plays() == 0) {
                continue;
            }
            if (previous != null && previous.plusDays(1).equals(day.day())) {
                run++;
            } else {
                run = 1;
                runFrom = day.day();
            }
            if (run > longest) {
                longest = run;
                longestFrom = runFrom;
                longestTo = day.day();
            }
            previous = day.day();
        }
        int current = 0;
        if (previous != null && (previous.equals(today) || previous.equals(today.minusDays(1)))) {
            current = run;
        }
        return longest == 0 ? Streaks.NONE : new Streaks(longest, longestFrom, longestTo, current);
    }

    /** The day with the most listening time (the earliest of equals), or null when there is none. */
    public static DayTotal topDay(List<DayTotal> days) {
        DayTotal top = null;
        for (DayTotal day : days) {
            if (day.msPlayed() > 0 && (top == null || day.msPlayed() > top.msPlayed())) {
                top = day;
            }
        }
        return top;
    }

    /** Plays by local day of week and hour. */
    public static ListeningClock clock(List<HourCell> cells, ZoneId zone) {
        long[] plays = new long[7 * 24];
        long basedOn = 0;
        for (HourCell cell : cells) {
            var local = cell.start().atZone(zone);
            plays[(local.getDayOfWeek().getValue() - 1) * 24 + local.getHour()] += cell.plays();
            basedOn += cell.plays();
        }
        List<Long> list = new ArrayList<>(plays.length);
        for (long count : plays) {
            list.add(count);
        }
        return new ListeningClock(zone, list, basedOn);
    }
}
