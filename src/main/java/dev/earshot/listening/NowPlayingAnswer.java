package dev.earshot.listening;

import java.time.Instant;
import java.util.List;

/**
 * The JSON of the live "now playing" endpoints, one stable shape whatever happens upstream:
 * {@code {"song": {...} | null, "status": "playing"|"paused"|"idle"|"unavailable", "fetchedAt": ms, "stale": bool,
 * "offline": bool}}. {@code offline} is true only when the owner's Spotify sign-in is dead: no retry will help.
 */
public record NowPlayingAnswer(Song song, String status, long fetchedAt, boolean stale, boolean offline) {

    /**
     * The item on, for an episode with the episode as {@code trackName}, the show's publisher as
     * {@code artists} and the show as {@code albumName}. {@code progressMs} is as of the answer.
     */
    public record Song(
            String type,
            boolean isPlaying,
            long progressMs,
            long timestampMs,
            long durationMs,
            String trackId,
            String trackName,
            List<String> artists,
            String albumName,
            String albumImageUrl,
            String spotifyUrl) {}

    public static NowPlayingAnswer of(NowPlayingSnapshot snapshot, Instant now) {
        if (!snapshot.available()) {
            return new NowPlayingAnswer(
                    null, "unavailable", snapshot.fetchedAt().toEpochMilli(), snapshot.stale(), false);
        }
        NowPlaying playing = snapshot.nowPlaying();
        if (playing.isIdle()) {
            return new NowPlayingAnswer(null, "idle", snapshot.fetchedAt().toEpochMilli(), snapshot.stale(), false);
        }
        Song song = new Song(
                playing.isEpisode() ? "episode" : "track",
                playing.isPlaying(),
                snapshot.progressAt(now),
                playing.timestampMs(),
                playing.durationMs(),
                playing.itemId(),
                playing.title(),
                playing.creators().stream().map(ArtistCredit::name).toList(),
                playing.collection(),
                playing.imageUrl(),
                playing.spotifyUrl());
        return new NowPlayingAnswer(
                song,
                playing.isPlaying() ? "playing" : "paused",
                snapshot.fetchedAt().toEpochMilli(),
                snapshot.stale(),
                false);
    }

    /** For a visitor who is not signed in. */
    public static NowPlayingAnswer signedOut(Instant now) {
        return new NowPlayingAnswer(null, "unavailable", now.toEpochMilli(), false, false);
    }

    /** For the owner's widget once Spotify refused the owner's sign-in (R04). */
    public static NowPlayingAnswer offline(Instant now) {
        return new NowPlayingAnswer(null, "unavailable", now.toEpochMilli(), false, true);
    }
}
