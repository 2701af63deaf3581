package dev.earshot.figures;

import java.time.Instant;
import java.util.List;

/**
 * Everything of one artist in a listener's history: plays and time, the first and last play, plays per month and
 * the artist's top tracks, all time.
 */
public record ArtistFigures(
        String name,
        long plays,
        long msPlayed,
        Instant firstPlay,
        Instant lastPlay,
        List<MonthTotal> overTime,
        List<Ranked> topTracks) {}
