package dev.earshot.owner;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * A date as a person reads it, with how far away it is: "29 May 2027, in 6 months", "today",
 * "ended 3 days ago". Days are counted in UTC, the server's only time zone.
 */
public final class ReadableDate {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    /** Below this many days the distance is said in days; "in 45 days" reads better than "in 1 month". */
    private static final long DAYS_BEFORE_MONTHS = 60;

    private static final double DAYS_PER_MONTH = 365.2425 / 12;

    private ReadableDate() {}

    /** {@code date} seen from {@code now}, e.g. "29 May 2027, in 6 months". */
    public static String of(Instant date, Instant now) {
        LocalDate day = LocalDate.ofInstant(date, ZoneOffset.UTC);
        long days = ChronoUnit.DAYS.between(LocalDate.ofInstant(now, ZoneOffset.UTC), day);
        return DATE.format(day) + ", " + distance(date.isBefore(now), days);
    }

    private static String distance(boolean past, long days) {
        if (past) {
            long ago = -days;
            return ago == 0 ? "ended today" : ago == 1 ? "ended yesterday" : "ended " + amount(ago) + " ago";
        }
        return days == 0 ? "today" : days == 1 ? "tomorrow" : "in " + amount(days);
    }

    private static String amount(long days) {
        if (days < DAYS_BEFORE_MONTHS) {
            return days + " days";
        }
        // Rounded: five months and 29 days is, to a person, six months.
        long months = Math.round(days / DAYS_PER_MONTH);
        return months + " months";
    }
}
