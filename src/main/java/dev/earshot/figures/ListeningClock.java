package dev.earshot.figures;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;

/**
 * Plays by hour of day and day of week in the viewer's time zone.
 *
 * @param plays 7 × 24 counts, Monday 00:00 first: index {@code (dayOfWeek - 1) * 24 + hour}
 * @param basedOn how many plays the clock counts
 */
public record ListeningClock(ZoneId zone, List<Long> plays, long basedOn) {

    public ListeningClock {
        plays = List.copyOf(plays);
        if (plays.size() != 7 * 24) {
            throw new IllegalArgumentException("a listening clock has 168 cells, not " + plays.size());
        }
    }

    public long plays(DayOfWeek day, int hour) {
        return plays.get((day.getValue() - 1) * 24 + hour);
    }

    /** Plays in one hour of the day, all days of the week together. */
    public long playsAtHour(int hour) {
        long sum = 0;
        for (DayOfWeek day : DayOfWeek.values()) {
            sum += plays(day, hour);
        }
        return sum;
    }

    /** Plays on one day of the week, all hours together. */
    public long playsOn(DayOfWeek day) {
        long sum = 0;
        for (int hour = 0; hour < 24; hour++) {
            sum += plays(day, hour);
        }
        return sum;
    }

    /** The hour of the day with the most plays (the earliest of equals), or -1 when there are none. */
    public int topHour() {
        int top = -1;
        long most = 0;
        for (int hour = 0; hour < 24; hour++) {
            long plays = playsAtHour(hour);
            if (plays > most) {
                most = plays;
                top = hour;
            }
        }
        return top;
    }
}
