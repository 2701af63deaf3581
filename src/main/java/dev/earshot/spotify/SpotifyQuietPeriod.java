package dev.earshot.spotify;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one app-wide "quiet until" after Spotify answered 429 (R11): Spotify rate-limits the whole app
 * (per developer account), so every call, whoever makes it, waits until the latest Retry-After has passed.
 */
@ApplicationScoped
public class SpotifyQuietPeriod {

    private final Clock clock;
    private final AtomicReference<Instant> until = new AtomicReference<>(Instant.MIN);

    SpotifyQuietPeriod(Clock clock) {
        this.clock = clock;
    }

    /** How long calls must still wait, or empty when Spotify may be called. */
    public Optional<Duration> remaining() {
        Instant now = clock.instant();
        Instant end = until.get();
        return now.isBefore(end) ? Optional.of(Duration.between(now, end)) : Optional.empty();
    }

    /** Holds every call back for {@code retryAfter} from now; a later end already set is kept. */
    public void holdFor(Duration retryAfter) {
        Instant end = clock.instant().plus(retryAfter);
        until.accumulateAndGet(end, (current, proposed) -> proposed.isAfter(current) ? proposed : current);
    }

    /**
     * Lets calls through at once. Only tests need this (one app serves them all, and one test's 429 must not
     * silence the next): package-private, reached from the test side through {@code QuietPeriodReset}.
     */
    void end() {
        until.set(Instant.MIN);
    }
}
