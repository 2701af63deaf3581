package dev.earshot.historypages;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the history pages write figures for people: "3 h 20 min", "12,345", "7th", "14 Feb 2022". */
public final class Readable {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_NO_YEAR = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private Readable() {}

    /** Listening time in hours and minutes: "3 h 20 min", "45 min", "0 min". */
    public static String duration(long millis) {
        long minutes = Math.max(0, millis) / 60_000;
        if (minutes < 60) {
            return minutes + " min";
        }
        return minutes / 60 + " h " + minutes % 60 + " min";
    }

    /** A count with thousands grouped: "12,345". */
    public static String number(long value) {
        return String.format(Locale.ENGLISH, "%,d", value);
    }

    /** "1 play", "12 plays". */
    public static String plays(long plays) {
        return number(plays) + (plays == 1 ? " play" : " plays");
    }

    /** "1st", "2nd", "3rd", "11th", "22nd". */
    public static String ordinal(int n) {
        int lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13
                ? "th"
                : switch (n % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return n + suffix;
    }

    /** "14 Feb 2022". */
    public static String day(LocalDate day) {
        return DAY.format(day);
    }

    /** The local day and time of an instant: "14 Feb 2022, 23:30". */
    public static String moment(Instant instant, ZoneId zone) {
        var local = instant.atZone(zone);
        return DAY.format(local) + ", " + TIME.format(local);
    }

    /** A range of days given as first day and the day after the last: "3 Nov – 9 Nov 2026"; either end open. */
    public static String days(LocalDate from, LocalDate toExclusive) {
        if (from == null && toExclusive == null) {
            return "All time";
        }
        if (from == null) {
            return "Until " + day(toExclusive.minusDays(1));
        }
        if (toExclusive == null) {
            return "Since " + day(from);
        }
        LocalDate last = toExclusive.minusDays(1);
        if (last.equals(from)) {
            return day(from);
        }
        return (from.getYear() == last.getYear() ? DAY_NO_YEAR.format(from) : day(from)) + " – " + day(last);
    }
}
