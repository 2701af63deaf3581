package dev.earshot.auth;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.jboss.logging.Logger;

/** Deletes ended-session rows past their expiry, at start and then hourly, on whichever replica's timer fires. */
@ApplicationScoped
public class EndedSessionSweeper {

    static final Duration PERIOD = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(EndedSessionSweeper.class);

    private final EndedSessions sessions;
    private final Vertx vertx;
    private long timer = -1;

    EndedSessionSweeper(EndedSessions sessions, Vertx vertx) {
        this.sessions = sessions;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        vertx.executeBlocking(this::sweep);
        timer = vertx.setPeriodic(PERIOD.toMillis(), id -> vertx.executeBlocking(this::sweep));
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private Integer sweep() {
        try {
            int deleted = sessions.sweep();
            LOG.debugf("Swept %d ended-session rows past their expiry", deleted);
            return deleted;
        } catch (RuntimeException e) {
            // Deleting late costs nothing but space: the next period tries again.
            LOG.warnf("Ended sessions could not be swept: %s", e.getMessage());
            return 0;
        }
    }
}
