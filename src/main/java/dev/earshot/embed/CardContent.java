package dev.earshot.embed;

import dev.earshot.listening.NowPlaying;
import dev.earshot.listening.Play;
import java.util.Optional;

/**
 * What the SVG card shows: now playing (null or idle when nothing plays), the last played track for
 * an idle card, the album art already turned into a {@code data:} URI by {@link AlbumArtFetcher}
 * (null: a placeholder), whether the owner's Spotify sign-in is dead, and the position to show.
 */
public record CardContent(NowPlaying nowPlaying, Play lastPlayed, String artDataUri, boolean offline, long progressMs) {

    /** The same content with album art (a {@code data:} URI, or null for the placeholder). */
    public CardContent withArt(String dataUri) {
        return new CardContent(nowPlaying, lastPlayed, dataUri, offline, progressMs);
    }

    /** The art of whatever the card shows, to fetch before rendering; empty when it shows no item. */
    public Optional<String> artUrl() {
        if (showsNowPlaying()) {
            return Optional.ofNullable(nowPlaying.imageUrl());
        }
        return lastPlayed != null && lastPlayed.track() != null
                ? Optional.ofNullable(lastPlayed.track().imageUrl())
                : Optional.empty();
    }

    /** Whether the card shows a playing or paused item rather than the last played one or nothing. */
    boolean showsNowPlaying() {
        return !offline && nowPlaying != null && !nowPlaying.isIdle();
    }

    /** Whether the card shows the last played track. */
    boolean showsLastPlayed() {
        return !showsNowPlaying() && lastPlayed != null && lastPlayed.track() != null;
    }
}
