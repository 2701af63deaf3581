package dev.earshot.listening;

import java.util.Locale;

/**
 * What the live now-playing card template ({@code tags/nowPlayingCard.html}) shows: the item (idle
 * when unknown), the problem to state if the server could not fetch it, the card's {@code data-state},
 * and where and how often its script polls.
 */
public record NowPlayingCard(
        NowPlaying nowPlaying, String problem, String state, String heading, String liveUrl, long pollMillis) {

    /** A card that can show nothing, saying why in {@code message}. */
    public static NowPlayingCard unavailable(String message, String heading, String liveUrl, long pollMillis) {
        return new NowPlayingCard(NowPlaying.idle(), message, "unavailable", heading, liveUrl, pollMillis);
    }

    public static NowPlayingCard of(Section<NowPlaying> section, String heading, String liveUrl, long pollMillis) {
        if (!section.ok()) {
            return new NowPlayingCard(
                    NowPlaying.idle(), section.problem().message(), "unavailable", heading, liveUrl, pollMillis);
        }
        NowPlaying now = section.value();
        return new NowPlayingCard(
                now, null, now.status().name().toLowerCase(Locale.ROOT), heading, liveUrl, pollMillis);
    }
}
