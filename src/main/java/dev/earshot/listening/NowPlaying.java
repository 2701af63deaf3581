package dev.earshot.listening;

import java.util.List;

/**
 * What is on now: a track or a podcast episode, playing or paused, or nothing (idle). For an
 * episode, {@code creators} is the show's publisher and {@code collection} the show.
 */
public record NowPlaying(
        Status status,
        Kind kind,
        long progressMs,
        long durationMs,
        long timestampMs,
        String itemId,
        String title,
        List<ArtistCredit> creators,
        String collection,
        String imageUrl,
        String spotifyUrl) {

    public enum Status {
        PLAYING,
        PAUSED,
        IDLE
    }

    public enum Kind {
        TRACK,
        EPISODE,
        NONE
    }

    public static NowPlaying idle() {
        return new NowPlaying(Status.IDLE, Kind.NONE, 0, 0, 0, null, null, List.of(), null, null, null);
    }

    /** The same item at another position, e.g. where a cached value has moved on to by now. */
    public NowPlaying withProgress(long progress) {
        return new NowPlaying(
                status,
                kind,
                progress,
                durationMs,
                timestampMs,
                itemId,
                title,
                creators,
                collection,
                imageUrl,
                spotifyUrl);
    }

    public boolean isIdle() {
        return status == Status.IDLE;
    }

    public boolean isPlaying() {
        return status == Status.PLAYING;
    }

    public boolean isEpisode() {
        return kind == Kind.EPISODE;
    }

    public String creatorNames() {
        return String.join(", ", creators.stream().map(ArtistCredit::name).toList());
    }
}
