package dev.earshot.recap;

import dev.earshot.charts.Chart;
import dev.earshot.figures.DayTotal;
import dev.earshot.figures.Discovery;
import dev.earshot.figures.PeriodFigures;
import dev.earshot.figures.Ranked;
import dev.earshot.figures.Streaks;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * One recap, Wrapped-style: the period's minutes and top lists, its biggest day, the hour most listened at, the
 * artists first heard and the longest run of listening days — each phrased the way its slide reads it.
 *
 * @param soFar the period has not ended yet
 * @param topDay the local day with the most listening, or null when nothing was played
 * @param topHour the hour of the day with the most plays (0–23), or -1 when there were none
 * @param calendar minutes per day as a calendar heatmap, or null when the period is open-ended or over a year long
 */
public record Recap(
        RecapPeriod period,
        boolean soFar,
        PeriodFigures figures,
        DayTotal topDay,
        int topHour,
        Discovery discovery,
        Streaks streaks,
        Chart calendar) {

    private static final DateTimeFormatter LONG_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    /** Nothing was played in the period. */
    public boolean empty() {
        return figures.empty();
    }

    /** "12,345". */
    public String minutesText() {
        return grouped(figures.minutes());
    }

    public String playsText() {
        return grouped(figures.plays()) + (figures.plays() == 1 ? " play" : " plays");
    }

    public List<Ranked> topArtists() {
        return figures.topArtists();
    }

    public List<Ranked> topTracks() {
        return figures.topTracks();
    }

    /** "Saturday 14 June 2025". */
    public String topDayText() {
        return topDay == null ? "" : LONG_DAY.format(topDay.day());
    }

    public String topDayMinutesText() {
        return topDay == null ? "" : minutes(topDay.minutes());
    }

    /** "22:00". */
    public String topHourText() {
        return topHour < 0 ? "" : String.format(Locale.ROOT, "%02d:00", topHour);
    }

    public long newArtists() {
        return discovery.newArtists();
    }

    /** "artists heard for the first time". */
    public String newArtistsNote() {
        return (discovery.newArtists() == 1 ? "artist" : "artists") + " heard for the first time";
    }

    public List<Ranked> firstHeard() {
        return discovery.firstHeard();
    }

    public int longestStreak() {
        return streaks.longest();
    }

    /** "12 days" or "1 day". */
    public String longestStreakText() {
        return streaks.longest() == 1 ? "1 day" : streaks.longest() + " days";
    }

    /** "3 Mar 2025 – 14 Mar 2025", or the one day. */
    public String longestStreakDates() {
        LocalDate from = streaks.longestFrom();
        LocalDate to = streaks.longestTo();
        if (from == null) {
            return "";
        }
        return from.equals(to) ? SHORT_DAY.format(from) : SHORT_DAY.format(from) + " – " + SHORT_DAY.format(to);
    }

    /** "12 minutes" or "1 minute". */
    static String minutes(long minutes) {
        return grouped(minutes) + (minutes == 1 ? " minute" : " minutes");
    }

    static String grouped(long number) {
        return String.format(Locale.ENGLISH, "%,d", number);
    }
}
