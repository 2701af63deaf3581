package dev.earshot.historypages;

/**
 * One line of a top list as the page shows it.
 *
 * @param href the artist page's address, or null where the line links nowhere (albums, tracks, shared pages)
 * @param symbol ▲, ▼ or = against the previous period, or null when there is none to compare with or it is new
 * @param move the move in words for screen readers and tooltips ("up from 7th"), or null
 * @param isNew first played ever in this period: shown as a "New" badge
 */
public record TopLine(
        int rank,
        String name,
        String artist,
        String href,
        String plays,
        String time,
        String symbol,
        String move,
        String direction,
        boolean isNew) {}
