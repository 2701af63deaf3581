package dev.earshot.historypages;

import dev.earshot.charts.Bar;
import dev.earshot.charts.BarChart;
import dev.earshot.charts.CalendarHeatmap;
import dev.earshot.charts.Chart;
import dev.earshot.charts.ClockChart;
import dev.earshot.charts.ColumnChart;
import dev.earshot.figures.ArtistFigures;
import dev.earshot.figures.DayTotal;
import dev.earshot.figures.Discovery;
import dev.earshot.figures.HistorySpan;
import dev.earshot.figures.ListeningClock;
import dev.earshot.figures.ListeningFigures;
import dev.earshot.figures.MonthTotal;
import dev.earshot.figures.PeriodFigures;
import dev.earshot.figures.Ranked;
import dev.earshot.figures.Streaks;
import dev.earshot.history.HistoryPeriod;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * The history page and the artist page, read from {@link ListeningFigures} and rendered whole: for the signed-in
 * listener, and read-only for a share link ({@link #renderShared}). Reads the database: call it off the event
 * loop; a failing database surfaces as the database package's exception for the caller to answer.
 */
@ApplicationScoped
public class HistoryPage {

    /** Lines in each top list and in the discoveries. */
    static final int TOP = 10;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance history(HistoryView view);

        static native TemplateInstance artist(ArtistView view);
    }

    private final ListeningFigures figures;
    private final Clock clock;

    HistoryPage(ListeningFigures figures, Clock clock) {
        this.figures = figures;
        this.clock = clock;
    }

    /** Today in a zone, by the app's clock. */
    LocalDate today(ZoneId zone) {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /**
     * The history page of a period as a share link shows it: the same figures, read-only — no picker, no links to
     * signed-in pages (artist names as plain text), no navigation, {@code noindex}, "Shared from Earshot".
     */
    public String renderShared(String listenerId, HistoryPeriod period) {
        return Templates.history(view(listenerId, null, PeriodChoice.of(period), null, true))
                .render();
    }

    /** The signed-in listener's history page; {@code tzParameter} is kept in the picker's links when given. */
    String render(String listenerId, String displayName, PeriodChoice choice, String tzParameter) {
        return Templates.history(view(listenerId, displayName, choice, tzParameter, false))
                .render();
    }

    /** The artist page, or empty when the listener never played the artist. */
    Optional<String> renderArtist(String listenerId, String displayName, String name, ZoneId zone, String tzParameter) {
        return figures.artist(listenerId, name, TOP)
                .map(artist -> Templates.artist(artistView(artist, displayName, zone, tzParameter))
                        .render());
    }

    private HistoryView view(
            String listenerId, String displayName, PeriodChoice choice, String tzParameter, boolean shared) {
        HistoryPeriod period = choice.period();
        ZoneId zone = period.zone();
        LocalDate today = today(zone);
        Optional<HistorySpan> span = figures.span(listenerId);
        int recapYear = choice.year(today);
        List<PickerLink> picker = shared ? List.of() : picker(choice, span, zone, tzParameter);
        if (span.isEmpty()) {
            return empty(shared, displayName, zone, choice, picker, tzParameter, recapYear, false);
        }
        PeriodFigures current = figures.period(listenerId, period, TOP);
        if (current.empty()) {
            return empty(shared, displayName, zone, choice, picker, tzParameter, recapYear, true);
        }
        PeriodFigures previous = current.previous();
        String comparedWith = previous == null ? null : periodInWords(previous.period());
        List<FigureLine> totals = List.of(
                total("Minutes listened", current, previous, PeriodFigures::minutes, comparedWith),
                total("Plays", current, previous, PeriodFigures::plays, comparedWith),
                total("Artists", current, previous, PeriodFigures::distinctArtists, comparedWith),
                total("Tracks", current, previous, PeriodFigures::distinctTracks, comparedWith));
        String tz = tzQuery(tzParameter);

        HistoryPeriod year = heatmapPeriod(period, today);
        List<DayTotal> days = figures.days(listenerId, year);
        Streaks streaks = figures.streaks(listenerId, period, clock.instant());
        ListeningClock listeningClock = figures.clock(listenerId, period);
        Discovery discovery = figures.discovery(listenerId, period, TOP);

        List<TopLine> firstHeard = new ArrayList<>();
        for (Ranked artist : discovery.firstHeard()) {
            firstHeard.add(line(artist, false, shared, tz));
        }
        List<ForgottenLine> forgotten = new ArrayList<>();
        for (Discovery.ForgottenFavourite favourite : discovery.forgotten()) {
            forgotten.add(new ForgottenLine(
                    favourite.artist(),
                    shared ? null : artistHref(favourite.artist(), tz),
                    "Top " + favourite.rankThatYear() + " of " + favourite.year() + " · last played "
                            + Readable.day(LocalDate.ofInstant(favourite.lastPlay(), zone))));
        }
        return new HistoryView(
                shared,
                displayName,
                zone.getId(),
                choice,
                picker,
                tzParameter,
                recapYear,
                true,
                true,
                comparedWith,
                totals,
                topArtistsChart(current.topArtists()),
                lines(current.topArtists(), previous != null, shared, tz),
                lines(current.topTracks(), previous != null, shared, tz),
                lines(current.topAlbums(), previous != null, shared, tz),
                heatmap(year, days),
                Readable.days(year.from(), year.to()),
                longest(streaks),
                current(streaks),
                clockChart(listeningClock),
                "Based on " + Readable.plays(listeningClock.basedOn()) + ", times in " + zone.getId(),
                listeningClock.topHour() < 0
                        ? null
                        : String.format(
                                Locale.ENGLISH,
                                "You listen most between %02d:00 and %02d:00.",
                                listeningClock.topHour(),
                                (listeningClock.topHour() + 1) % 24),
                discovery.newArtists() == 0
                        ? "No artist was new to you in this period."
                        : Readable.number(discovery.newArtists())
                                + (discovery.newArtists() == 1 ? " artist" : " artists")
                                + " heard for the first time.",
                firstHeard,
                forgotten);
    }

    private static HistoryView empty(
            boolean shared,
            String displayName,
            ZoneId zone,
            PeriodChoice choice,
            List<PickerLink> picker,
            String tzParameter,
            int recapYear,
            boolean hasHistory) {
        return new HistoryView(
                shared,
                displayName,
                zone.getId(),
                choice,
                picker,
                tzParameter,
                recapYear,
                hasHistory,
                false,
                null,
                List.of(),
                null,
                List.of(),
                List.of(),
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                List.of());
    }

    private ArtistView artistView(ArtistFigures artist, String displayName, ZoneId zone, String tzParameter) {
        String tz = tzQuery(tzParameter);
        List<TopLine> tracks = new ArrayList<>();
        for (Ranked track : artist.topTracks()) {
            tracks.add(new TopLine(
                    track.rank(),
                    track.name(),
                    null,
                    null,
                    Readable.plays(track.plays()),
                    Readable.duration(track.msPlayed()),
                    null,
                    null,
                    null,
                    false));
        }
        return new ArtistView(
                displayName,
                zone.getId(),
                artist.name(),
                Readable.plays(artist.plays()),
                Readable.duration(artist.msPlayed()),
                artist.firstPlay() == null ? "—" : Readable.moment(artist.firstPlay(), zone),
                artist.lastPlay() == null ? "—" : Readable.moment(artist.lastPlay(), zone),
                overTime(artist),
                tracks,
                "/history" + (tz.isEmpty() ? "" : "?" + tz.substring(1)));
    }

    /** Plays per month from the first month to the last, months without plays shown as 0 (months of UTC). */
    private static Chart overTime(ArtistFigures artist) {
        List<Bar> columns = new ArrayList<>();
        List<MonthTotal> months = artist.overTime();
        if (!months.isEmpty()) {
            YearMonth month = months.get(0).month();
            YearMonth last = months.get(months.size() - 1).month();
            int next = 0;
            while (!month.isAfter(last)) {
                long plays = 0;
                if (next < months.size() && months.get(next).month().equals(month)) {
                    plays = months.get(next).plays();
                    next++;
                }
                columns.add(new Bar(
                        month.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + month.getYear(),
                        plays,
                        Readable.plays(plays)));
                month = month.plusMonths(1);
            }
        }
        return ColumnChart.of(
                        "artist-over-time",
                        "Plays per month",
                        "Plays of " + artist.name()
                                + " in each month (months in UTC), from the first play to the last.",
                        columns)
                .withTableHeadings("Month", "Plays");
    }

    private static List<PickerLink> picker(
            PeriodChoice choice, Optional<HistorySpan> span, ZoneId zone, String tzParameter) {
        String tz = tzQuery(tzParameter);
        List<PickerLink> links = new ArrayList<>();
        links.add(new PickerLink(
                "This week", "/history?period=week" + tz, choice.key().equals("week")));
        links.add(new PickerLink(
                "This month", "/history?period=month" + tz, choice.key().equals("month")));
        links.add(new PickerLink(
                "This year", "/history?period=year" + tz, choice.key().equals("year")));
        links.add(new PickerLink(
                "All time", "/history?period=all" + tz, choice.key().equals("all")));
        if (span.isPresent()) {
            int first = span.get().first().atZone(zone).getYear();
            int last = span.get().last().atZone(zone).getYear();
            for (int year = last; year >= first; year--) {
                String key = String.valueOf(year);
                links.add(new PickerLink(
                        key, "/history?year=" + year + tz, choice.key().equals(key)));
            }
        }
        return links;
    }

    private static String tzQuery(String tzParameter) {
        return tzParameter == null || tzParameter.isEmpty() ? "" : "&tz=" + encode(tzParameter);
    }

    private static String artistHref(String name, String tz) {
        return "/history/artist?name=" + encode(name) + tz;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A calendar year shows as itself; any other period as the 12 months that end with it. */
    static HistoryPeriod heatmapPeriod(HistoryPeriod period, LocalDate today) {
        LocalDate from = period.from();
        LocalDate to = period.to();
        if (from != null && to != null && from.getDayOfYear() == 1 && to.equals(from.plusYears(1))) {
            return period;
        }
        LocalDate end = to != null ? to : today.plusDays(1);
        return new HistoryPeriod(end.minusMonths(12), end, period.zone());
    }

    /** "2025", "October 2026", "the week before", or "the 30 days before". */
    static String periodInWords(HistoryPeriod previous) {
        LocalDate from = previous.from();
        LocalDate to = previous.to();
        if (from.getDayOfYear() == 1 && to.equals(from.plusYears(1))) {
            return String.valueOf(from.getYear());
        }
        if (from.getDayOfMonth() == 1 && to.equals(from.plusMonths(1))) {
            return from.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + from.getYear();
        }
        long days = ChronoUnit.DAYS.between(from, to);
        return days == 7 ? "the week before" : "the " + days + " days before";
    }

    private static FigureLine total(
            String name,
            PeriodFigures current,
            PeriodFigures previous,
            ToLongFunction<PeriodFigures> figure,
            String comparedWith) {
        long now = figure.applyAsLong(current);
        String value = Readable.number(now);
        if (previous == null) {
            return new FigureLine(name, value, null, null, null);
        }
        long before = figure.applyAsLong(previous);
        if (now == before) {
            return new FigureLine(name, value, "=", "same as " + comparedWith, "same");
        }
        if (before == 0) {
            return new FigureLine(name, value, "▲", "new: none in " + comparedWith, "up");
        }
        long percent = Math.round(Math.abs(now - before) * 100.0 / before);
        String amount = percent == 0 ? "less than 1%" : percent + "%";
        return now > before
                ? new FigureLine(name, value, "▲", amount + " on " + comparedWith, "up")
                : new FigureLine(name, value, "▼", amount + " on " + comparedWith, "down");
    }

    private static List<TopLine> lines(List<Ranked> ranked, boolean compared, boolean shared, String tz) {
        List<TopLine> lines = new ArrayList<>();
        for (Ranked line : ranked) {
            lines.add(line(line, compared, shared, tz));
        }
        return lines;
    }

    private static TopLine line(Ranked line, boolean compared, boolean shared, String tz) {
        String symbol = null;
        String move = null;
        String direction = null;
        if (compared && !line.newThisPeriod()) {
            if (line.previousRank() == 0) {
                symbol = "▲";
                move = "up, not played in the previous period";
                direction = "up";
            } else if (line.up()) {
                symbol = "▲";
                move = "up from " + Readable.ordinal(line.previousRank());
                direction = "up";
            } else if (line.down()) {
                symbol = "▼";
                move = "down from " + Readable.ordinal(line.previousRank());
                direction = "down";
            } else {
                symbol = "=";
                move = "same place as before";
                direction = "same";
            }
        }
        boolean links = !shared && line.kind() == dev.earshot.figures.EntityKind.ARTIST;
        return new TopLine(
                line.rank(),
                line.name(),
                line.artist(),
                links ? artistHref(line.name(), tz) : null,
                Readable.plays(line.plays()),
                Readable.duration(line.msPlayed()),
                symbol,
                move,
                direction,
                compared && line.newThisPeriod());
    }

    private static Chart topArtistsChart(List<Ranked> artists) {
        List<Bar> bars = new ArrayList<>();
        for (Ranked artist : artists) {
            bars.add(new Bar(artist.name(), artist.plays(), Readable.plays(artist.plays())));
        }
        return BarChart.of(
                        "top-artists-chart",
                        "Top artists by plays",
                        "The " + artists.size() + " most played artists of the period, longest bar most played.",
                        bars)
                .withTableHeadings("Artist", "Plays");
    }

    private static Chart heatmap(HistoryPeriod year, List<DayTotal> days) {
        Map<LocalDate, Long> minutes = new HashMap<>();
        for (DayTotal day : days) {
            minutes.put(day.day(), day.minutes());
        }
        return CalendarHeatmap.of("calendar", "Minutes per day", year.from(), year.to(), minutes);
    }

    private static Chart clockChart(ListeningClock clock) {
        return ClockChart.of(
                "clock",
                "Listening clock",
                "Plays by hour of the day (columns) and day of the week (rows, Monday first), in "
                        + clock.zone().getId() + ": " + Readable.plays(clock.basedOn()) + ".",
                clock.plays());
    }

    private static String longest(Streaks streaks) {
        if (streaks.longest() == 0) {
            return "No listening days in this period.";
        }
        return "Longest run: " + days(streaks.longest()) + " ("
                + Readable.days(streaks.longestFrom(), streaks.longestTo().plusDays(1)) + ")";
    }

    private static String current(Streaks streaks) {
        return streaks.current() == 0
                ? "Current streak: none — no plays today or yesterday."
                : "Current streak: " + days(streaks.current()) + ".";
    }

    private static String days(int days) {
        return days + (days == 1 ? " day" : " days");
    }
}
