package dev.earshot.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How live "now playing" is kept fresh while calling Spotify as little as possible: {@code EARSHOT_NOW_PLAYING_*}. */
@ConfigMapping(prefix = "earshot.now-playing")
public interface NowPlayingConfig {

    /** Shortest time between polls of the page (never below 3 s, to spare Spotify's rate limit). */
    Duration MIN_POLL_INTERVAL = Duration.ofSeconds(3);

    /** {@code EARSHOT_NOW_PLAYING_POLL_INTERVAL}: how often an open dashboard asks while a track plays. */
    @WithDefault("5s")
    Duration pollInterval();

    /**
     * {@code EARSHOT_NOW_PLAYING_CACHE_PERIOD}: how long one answer from Spotify serves every tab of a
     * user. Shorter than the poll interval, so one tab still sees every poll fresh.
     */
    @WithDefault("3s")
    Duration cachePeriod();

    /** {@code EARSHOT_NOW_PLAYING_ERROR_BACKOFF}: no further call for a user this long after a 5xx or timeout. */
    @WithDefault("5s")
    Duration errorBackoff();

    /** The poll interval, never below {@link #MIN_POLL_INTERVAL}. */
    default Duration effectivePollInterval() {
        return pollInterval().compareTo(MIN_POLL_INTERVAL) < 0 ? MIN_POLL_INTERVAL : pollInterval();
    }
}
