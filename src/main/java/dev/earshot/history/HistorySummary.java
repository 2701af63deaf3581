package dev.earshot.history;

import java.util.List;

/**
 * What a listener listened to in a period, as {@code GET /api/me/history/summary} answers it. {@code plays},
 * {@code msPlayed} and the distinct counts are of music (tracks); podcast episodes are counted apart in
 * {@code episodes}. A play is a stream of {@link PlayRow#PLAY_THRESHOLD_MS} or more; {@code msPlayed} sums every
 * stream, plays or not; distinct counts and top lists hold only items with at least one play.
 *
 * @param from the first day counted ({@code YYYY-MM-DD} in {@code tz}), or null for the start of the history
 * @param to the first day not counted, or null for up to now
 * @param tz the time zone the days are in
 */
public record HistorySummary(
        String from,
        String to,
        String tz,
        long plays,
        long msPlayed,
        long distinctTracks,
        long distinctArtists,
        List<ArtistTotal> topArtists,
        List<TrackTotal> topTracks,
        EpisodeTotal episodes) {

    /** An artist's plays and listening time in the period. */
    public record ArtistTotal(String name, long plays, long msPlayed) {}

    /**
     * A track's plays and listening time in the period. Tracks are told apart by artist and name, so streams
     * of the same song under several URIs (Spotify relinks them per market and release) and Account-data rows,
     * which have no URI, count together; {@code uri} is one of its URIs, or null when none is known.
     */
    public record TrackTotal(String name, String artist, String uri, long plays, long msPlayed) {}

    /** Podcast episodes in the period, all together. */
    public record EpisodeTotal(long plays, long msPlayed) {}
}
