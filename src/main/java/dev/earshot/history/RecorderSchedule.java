package dev.earshot.history;

import dev.earshot.config.HistoryConfig;
import dev.earshot.database.Database;
import dev.earshot.web.UrlSafeRandom;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs the recorder's rounds on a thread of its own, a few dozen times per poll interval (listeners are due at
 * their own phase of it), with a process-wide holder id for the lease; gives the lease up on a clean shutdown.
 */
@ApplicationScoped
class RecorderSchedule {

    private static final Logger LOG = Logger.getLogger(RecorderSchedule.class);

    private final Recorder recorder;
    private final Database database;
    private final HistoryConfig config;
    private final Clock clock;

    private ScheduledExecutorService executor;
    private RecorderLease lease;

    RecorderSchedule(Recorder recorder, Database database, HistoryConfig config, Clock clock) {
        this.recorder = recorder;
        this.database = database;
        this.config = config;
        this.clock = clock;
    }

    /** How often a round runs: a twentieth of the interval, between 1 s and 30 s. */
    static Duration tick(Duration interval) {
        Duration tick = interval.dividedBy(20);
        if (tick.compareTo(Duration.ofSeconds(1)) < 0) {
            return Duration.ofSeconds(1);
        }
        return tick.compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : tick;
    }

    /** How long the lease lasts unrenewed: three rounds, at least 15 s, so one slow round does not hand it over. */
    static Duration leaseLength(Duration interval) {
        Duration three = tick(interval).multipliedBy(3);
        return three.compareTo(Duration.ofSeconds(15)) < 0 ? Duration.ofSeconds(15) : three;
    }

    void start(@Observes StartupEvent event) {
        if (!config.recorderEnabled()) {
            LOG.info("The recorder is off on this replica (EARSHOT_HISTORY_RECORDER_ENABLED=false)");
            return;
        }
        lease = new RecorderLease(
                database,
                RecorderLease.RECORDER,
                "replica-" + UrlSafeRandom.ofBytes(12),
                leaseLength(config.pollInterval()));
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "earshot-recorder");
            thread.setDaemon(true);
            return thread;
        });
        long tickMs = tick(config.pollInterval()).toMillis();
        executor.scheduleWithFixedDelay(this::round, tickMs, tickMs, TimeUnit.MILLISECONDS);
    }

    private void round() {
        try {
            recorder.round(lease, clock);
        } catch (RuntimeException e) {
            // The database or Spotify failing must not end the schedule: the next round tries again.
            LOG.warnf("A recorder round failed: %s", e.toString());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor == null) {
            return;
        }
        executor.shutdownNow();
        try {
            lease.release(clock.instant());
        } catch (RuntimeException e) {
            LOG.debugf("The recorder lease was not released: %s", e.toString());
        }
    }
}
