package dev.earshot.figures;

import java.time.Instant;

/**
 * A listener's music in one hour of UTC: the smallest grain the calendar, the clock and the streaks are made of.
 * Days and hours in a viewer's time zone are made of these, which is exact in every zone whose offset is a whole
 * number of hours; in the few that are not (India's +05:30, Nepal's +05:45) an hour's listening is counted in the
 * local hour it starts in.
 *
 * @param epochHour hours since 1970-01-01T00:00Z
 * @param plays streams of 30 s or more that ended in the hour
 * @param msPlayed listening time of every stream that ended in the hour
 */
public record HourCell(long epochHour, long plays, long msPlayed) {

    public static final long SECONDS_PER_HOUR = 3600;

    /** The first instant of the hour. */
    public Instant start() {
        return Instant.ofEpochSecond(epochHour * SECONDS_PER_HOUR);
    }

    /** The hour an instant lies in. */
    public static long epochHourOf(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), SECONDS_PER_HOUR);
    }
}
