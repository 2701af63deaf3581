package dev.earshot.owner;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.jboss.logging.Logger;

/** Warns in the log at start and then daily while the owner's sign-in nears Spotify's six-month limit. */
@ApplicationScoped
public class OwnerExpiryWarnings {

    private static final Logger LOG = Logger.getLogger(OwnerExpiryWarnings.class);
    static final Duration PERIOD = Duration.ofDays(1);

    private final OwnerAccount owner;
    private final Vertx vertx;
    private long timer = -1;

    OwnerExpiryWarnings(OwnerAccount owner, Vertx vertx) {
        this.owner = owner;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        vertx.executeBlocking(() -> {
            check();
            return null;
        });
        timer = vertx.setPeriodic(
                PERIOD.toMillis(),
                id -> vertx.executeBlocking(() -> {
                    check();
                    return null;
                }));
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    void check() {
        OwnerStatus status = owner.status();
        if (!status.configured()) {
            return;
        }
        if (status.offline()) {
            LOG.warn("The owner's Spotify account is offline: reconnect at /owner/connect");
        } else if (status.endingSoon()) {
            LOG.warnf(
                    "The owner's Spotify sign-in ends on %s (Spotify's six-month limit): reconnect at /owner/connect before then",
                    status.signInEndsForPeople());
        } else if (!status.signInEndKnown() && status.source() == OwnerAccount.Source.ENVIRONMENT) {
            LOG.info(
                    "The owner's refresh token comes from SPOTIFY_REFRESH_TOKEN, so when its six months end is unknown; "
                            + "connect at /owner/connect once to have Earshot track it");
        }
    }
}
