package dev.earshot.owner;

import dev.earshot.config.OwnerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Reports in {@code /q/health/ready} whether the owner's token store in {@code EARSHOT_DATA_DIR} can be
 * written. DOWN only when a store is expected — an owner token is held (stored, or from the environment,
 * which Spotify may rotate into the store) or {@code EARSHOT_OWNER_ID} says one will be connected — and the
 * directory is not writable (a read-only root file system without a volume at /data, a volume owned by
 * another user): such a replica would lose a rotated token, so it must not take the owner's traffic.
 * The endpoint is public, so it says UP or DOWN only; which directory and why goes to the log (and /setup).
 */
@Readiness
@ApplicationScoped
public class OwnerStoreReadiness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(OwnerStoreReadiness.class);

    private final OwnerAccount owner;
    private final OwnerTokenStore store;
    private final OwnerConfig config;
    /** Probes ask every few seconds: the log says it when the answer changes, not each time. */
    private final AtomicBoolean lastUp = new AtomicBoolean(true);

    OwnerStoreReadiness(OwnerAccount owner, OwnerTokenStore store, OwnerConfig config) {
        this.owner = owner;
        this.store = store;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        OwnerAccount.Source source = owner.status().source();
        boolean expected = source == OwnerAccount.Source.STORE
                || source == OwnerAccount.Source.ENVIRONMENT
                || config.id().filter(id -> !id.isBlank()).isPresent();
        boolean up = !expected || store.writable();
        if (lastUp.getAndSet(up) != up) {
            if (up) {
                LOG.infof("The owner's token store directory %s can be written again: ready", store.directory());
            } else {
                LOG.warnf(
                        "Not ready: the owner's token store directory %s (EARSHOT_DATA_DIR) cannot be written, so a token Spotify "
                                + "rotates would be lost. Mount a writable volume there (owned by the user Earshot runs as).",
                        store.directory());
            }
        }
        return HealthCheckResponse.named("owner-store").status(up).build();
    }
}
