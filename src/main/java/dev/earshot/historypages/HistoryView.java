package dev.earshot.historypages;

import dev.earshot.charts.Chart;
import java.util.List;

/**
 * Everything the history page shows, in words and numbers ready for the template.
 *
 * @param shared true for a read-only share link: no picker, no links to signed-in pages, no navigation
 * @param displayName the listener's name for the top bar, null on a shared page
 * @param zone the time zone every time on the page is in
 * @param hasHistory false when the listener has no music history at all
 * @param hasPlays false when the period holds no plays
 * @param comparedWith the previous period in words ("2025"), or null when there is none (all time)
 */
public record HistoryView(
        boolean shared,
        String displayName,
        String zone,
        PeriodChoice choice,
        List<PickerLink> picker,
        String tzParameter,
        int recapYear,
        boolean hasHistory,
        boolean hasPlays,
        String comparedWith,
        List<FigureLine> totals,
        Chart topArtistsChart,
        List<TopLine> topArtists,
        List<TopLine> topTracks,
        List<TopLine> topAlbums,
        Chart heatmap,
        String heatmapSpan,
        String longestStreak,
        String currentStreak,
        Chart clock,
        String clockCaption,
        String topHour,
        String newArtists,
        List<TopLine> firstHeard,
        List<ForgottenLine> forgotten) {

    /** The period's first day for the share form ({@code YYYY-MM-DD}), empty for "since the first play". */
    public String shareFrom() {
        return choice.period().from() == null ? "" : choice.period().from().toString();
    }

    /** The first day after the period for the share form, empty for "up to now". */
    public String shareTo() {
        return choice.period().to() == null ? "" : choice.period().to().toString();
    }
}
