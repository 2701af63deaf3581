package dev.earshot.listening;

import java.time.Duration;
import java.time.Instant;

/**
 * What is known of a listener's playback at a moment: the value (null when nothing usable is known),
 * when it was fetched from Spotify, whether it is an older value served because Spotify is
 * unreachable or rate limiting (R02), and why.
 */
public record NowPlayingSnapshot(NowPlaying nowPlaying, Instant fetchedAt, boolean stale, Problem problem) {

    public static NowPlayingSnapshot unavailable(Instant now, Problem problem) {
        return new NowPlayingSnapshot(null, now, true, problem);
    }

    public boolean available() {
        return nowPlaying != null;
    }

    NowPlayingSnapshot asStale(Problem why) {
        return new NowPlayingSnapshot(nowPlaying, fetchedAt, true, why);
    }

    /**
     * The progress at {@code now}: a playing track moves on while the value sits in the cache, so a
     * reader is not shown where the song was seconds ago. Never past the end.
     */
    public long progressAt(Instant now) {
        if (nowPlaying == null) {
            return 0;
        }
        long progress = nowPlaying.progressMs();
        if (nowPlaying.isPlaying()) {
            progress += Math.max(0, Duration.between(fetchedAt, now).toMillis());
        }
        return nowPlaying.durationMs() > 0 ? Math.min(progress, nowPlaying.durationMs()) : progress;
    }
}
