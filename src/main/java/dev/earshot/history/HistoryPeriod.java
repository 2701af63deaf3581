package dev.earshot.history;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * A period of local days in a listener's time zone: from a day (inclusive) to a day (exclusive), either end
 * open. Its bounds are the local midnights turned into instants, so a day is 23 or 25 hours long across a
 * daylight-saving change, and a midnight that does not exist (a gap) starts at the first instant that does.
 *
 * @param from the first day, or null for "since the first play"
 * @param to the day after the last, or null for "up to now"
 */
public record HistoryPeriod(LocalDate from, LocalDate to, ZoneId zone) {

    /** The default zone, named as people write it ("UTC", not "Z"). */
    public static final ZoneId UTC = ZoneId.of("UTC");

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    public HistoryPeriod {
        if (zone == null) {
            zone = UTC;
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new BadHistoryQuery(
                    "'from' (" + from + ") must be before 'to' (" + to + "): 'to' is the first day not counted.");
        }
    }

    /** All of a listener's history, with dates in UTC. */
    public static HistoryPeriod allTime() {
        return new HistoryPeriod(null, null, UTC);
    }

    /**
     * The period as query parameters give it: dates as {@code YYYY-MM-DD} and a time zone such as
     * {@code Europe/Berlin} (default UTC), each optional. Anything else is a {@link BadHistoryQuery}.
     */
    public static HistoryPeriod parse(String from, String to, String timeZone) {
        return new HistoryPeriod(date("from", from), date("to", to), zone(timeZone));
    }

    /** The first instant of the period, or null when it has no start. */
    public Instant start() {
        return from == null ? null : from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period, or null when it has no end. */
    public Instant end() {
        return to == null ? null : to.atStartOfDay(zone).toInstant();
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        // ISO dates only: LocalDate.parse would also take years of five or more digits with a sign.
        if (!DATE.matcher(value).matches()) {
            throw new BadHistoryQuery("'" + name + "' must be a date written YYYY-MM-DD, such as 2024-03-31.");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadHistoryQuery("'" + name + "' is not a date of the calendar: " + value + ".");
        }
    }

    private static ZoneId zone(String value) {
        if (value == null || value.isEmpty()) {
            return UTC;
        }
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new BadHistoryQuery(
                    "'tz' must be a time zone such as Europe/Berlin or UTC; " + "this one is unknown.");
        }
    }
}
