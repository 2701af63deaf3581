package dev.earshot.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long the dashboard's Spotify data is shared before one background call refreshes it: {@code EARSHOT_LISTENING_*}. */
@ConfigMapping(prefix = "earshot.listening")
public interface ListeningConfig {

    /** {@code EARSHOT_LISTENING_TOP_ITEMS_CACHE_PERIOD}: top tracks and artists per listener and range; Spotify moves them slowly. */
    @WithDefault("10m")
    Duration topItemsCachePeriod();

    /** {@code EARSHOT_LISTENING_RECENTLY_PLAYED_CACHE_PERIOD}: recently played per listener (the dashboard and the idle card). */
    @WithDefault("30s")
    Duration recentlyPlayedCachePeriod();
}
