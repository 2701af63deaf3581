package dev.earshot.historypages;

import dev.earshot.charts.Chart;
import java.util.List;

/** One artist's page: totals, first and last play in the viewer's zone, plays per month and top tracks. */
public record ArtistView(
        String displayName,
        String zone,
        String name,
        String plays,
        String time,
        String firstPlay,
        String lastPlay,
        Chart overTime,
        List<TopLine> topTracks,
        String backHref) {}
