package dev.earshot.recap;

import dev.earshot.history.BadHistoryQuery;
import dev.earshot.history.HistoryPeriod;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The period a recap covers: a calendar year ({@code year=2025}) or any days ({@code from}/{@code to}), in the
 * viewer's time zone, as {@code historypages.ViewerZone} chooses it for every page (the {@code tz} parameter, else
 * the {@code earshot_tz} cookie the history page sets, else UTC).
 *
 * @param year the calendar year when the period is exactly one, else null
 */
public record RecapPeriod(HistoryPeriod period, Integer year) {

    /** Longer than every IANA zone name; a bound for the stored column and for what a URL may carry. */
    static final int MAX_TIME_ZONE_LENGTH = 64;

    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    /**
     * The period the query asks for; no {@code year}, {@code from} or {@code to} means the current year in the
     * viewer's zone. A year together with dates, or anything malformed, is a {@link BadHistoryQuery}.
     */
    public static RecapPeriod parse(String year, String from, String to, String zoneName, Clock clock) {
        if (zoneName != null && zoneName.length() > MAX_TIME_ZONE_LENGTH) {
            throw new BadHistoryQuery("'tz' must be a time zone such as Europe/Berlin or UTC; this one is too long.");
        }
        HistoryPeriod dates = HistoryPeriod.parse(from, to, zoneName);
        if (present(year)) {
            if (dates.from() != null || dates.to() != null) {
                throw new BadHistoryQuery("Give either 'year' or 'from' and 'to', not both.");
            }
            if (!YEAR.matcher(year).matches()) {
                throw new BadHistoryQuery("'year' must be a year written with four digits, such as 2025.");
            }
            return ofYear(Integer.parseInt(year), dates.zone());
        }
        if (dates.from() == null && dates.to() == null) {
            return ofYear(LocalDate.now(clock.withZone(dates.zone())).getYear(), dates.zone());
        }
        return of(dates);
    }

    /** A stored period (a share link's), a year when it is exactly one. */
    public static RecapPeriod of(HistoryPeriod period) {
        LocalDate from = period.from();
        boolean wholeYear = from != null
                && from.getDayOfYear() == 1
                && period.to() != null
                && period.to().equals(from.plusYears(1));
        return new RecapPeriod(period, wholeYear ? from.getYear() : null);
    }

    public static RecapPeriod ofYear(int year, ZoneId zone) {
        return new RecapPeriod(new HistoryPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1), zone), year);
    }

    /** How the period reads in a heading: "2025", "1 Mar 2025 – 31 Mar 2025", "since 1 Mar 2025". */
    public String label() {
        if (year != null) {
            return String.valueOf(year);
        }
        LocalDate from = period.from();
        LocalDate to = period.to();
        if (from != null && to != null) {
            LocalDate last = to.minusDays(1);
            return from.equals(last) ? DAY.format(from) : DAY.format(from) + " – " + DAY.format(last);
        }
        if (from != null) {
            return "since " + DAY.format(from);
        }
        return to == null ? "all time" : "until " + DAY.format(to.minusDays(1));
    }

    /** True while the period has not ended yet: the recap says "so far". */
    public boolean inProgress(Instant now) {
        Instant end = period.end();
        Instant start = period.start();
        return (end == null || end.isAfter(now)) && (start == null || !start.isAfter(now));
    }

    /** The query string that asks for this period again (links to other years, the card). */
    public String query() {
        String zone = "tz=" + URLEncoder.encode(period.zone().getId(), StandardCharsets.UTF_8);
        if (year != null) {
            return "year=" + year + "&" + zone;
        }
        return (period.from() == null ? "" : "from=" + period.from() + "&")
                + (period.to() == null ? "" : "to=" + period.to() + "&")
                + zone;
    }

    /** The first day as {@code YYYY-MM-DD}, or "" when open (for the share form's hidden fields). */
    public String fromParam() {
        return period.from() == null ? "" : period.from().toString();
    }

    public String toParam() {
        return period.to() == null ? "" : period.to().toString();
    }

    public String zoneParam() {
        return period.zone().getId();
    }

    private static boolean present(String value) {
        return value != null && !value.isEmpty();
    }
}
