package dev.earshot.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Limits sign-in starts and callbacks per client address (S24), in fixed one-minute windows: enough
 * for people, too few for scripts hammering Spotify through us.
 */
@ApplicationScoped
public class SignInRateLimit {

    static final Duration WINDOW = Duration.ofMinutes(1);

    private record Window(long startEpochSecond, AtomicInteger count) {
    }

    private final int perMinute;
    private final Clock clock;
    private final Cache<String, Window> windows = Caffeine.newBuilder()
            .expireAfterWrite(WINDOW)
            .maximumSize(100_000)
            .build();

    SignInRateLimit(@ConfigProperty(name = "earshot.sign-in-rate-limit", defaultValue = "30") int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Empty when this address may go on; otherwise how long it must wait. */
    public Optional<Duration> check(String clientAddress) {
        Instant now = clock.instant();
        Window window = windows.get(clientAddress, key -> new Window(now.getEpochSecond(), new AtomicInteger()));
        if (window.count().incrementAndGet() <= perMinute) {
            return Optional.empty();
        }
        long waited = now.getEpochSecond() - window.startEpochSecond();
        return Optional.of(Duration.ofSeconds(Math.max(1, WINDOW.toSeconds() - waited)));
    }
}
