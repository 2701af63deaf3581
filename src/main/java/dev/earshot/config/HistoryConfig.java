package dev.earshot.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The play recorder: {@code EARSHOT_HISTORY_*}. */
@ConfigMapping(prefix = "earshot.history")
public interface HistoryConfig {

    /** Spotify's recently-played must not be polled more often than this. */
    Duration SHORTEST_POLL_INTERVAL = Duration.ofSeconds(5);

    /**
     * {@code EARSHOT_HISTORY_POLL_INTERVAL}: how often each recording listener's recently-played is fetched (one
     * replica polls, listeners spread over the interval). Spotify keeps only the last 50 plays (about 2.5 hours
     * of music), so keep it well below that.
     */
    @WithDefault("10m")
    Duration pollInterval();

    /** {@code EARSHOT_HISTORY_RECORD_OWNER}: record the owner's plays (with the owner's server-held account). */
    @WithDefault("true")
    boolean recordOwner();

    /**
     * {@code EARSHOT_HISTORY_RECORDER_ENABLED}: false keeps this replica out of the recorder (it never takes the
     * lease); the tests drive the recorder by hand instead.
     */
    @WithDefault("true")
    boolean recorderEnabled();

    /** A plain reason the poll interval cannot work, for {@link StartupCheck}. */
    default Optional<String> pollIntervalProblem() {
        if (pollInterval().compareTo(SHORTEST_POLL_INTERVAL) < 0) {
            return Optional.of(
                    "EARSHOT_HISTORY_POLL_INTERVAL is " + pollInterval().toMillis()
                            + " ms; it must be at least 5s (Spotify's rate limit is shared by every listener)");
        }
        return Optional.empty();
    }
}
