package dev.earshot.owner;

import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.earshot.config.OwnerConfig;

/**
 * Reports in {@code /q/health/ready} whether the owner's token store in {@code EARSHOT_DATA_DIR} can be
 * written. DOWN only when a store is expected — an owner token is held (stored, or from the environment,
 * which Spotify may rotate into the store) or {@code EARSHOT_OWNER_ID} says one will be connected — and the
 * directory is not writable (a read-only root file system without a volume at /data, a volume owned by
 * another user): such a replica would lose a rotated token, so it must not take the owner's traffic.
 */
@Readiness
@ApplicationScoped
public class OwnerStoreReadiness implements HealthCheck {

    private final OwnerAccount owner;
    private final OwnerTokenStore store;
    private final OwnerConfig config;

    OwnerStoreReadiness(OwnerAccount owner, OwnerTokenStore store, OwnerConfig config) {
        this.owner = owner;
        this.store = store;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        Path directory = store.file().toAbsolutePath().getParent();
        boolean writable = writable(directory);
        OwnerAccount.Source source = owner.status().source();
        boolean expected = source == OwnerAccount.Source.STORE || source == OwnerAccount.Source.ENVIRONMENT
                || config.id().filter(id -> !id.isBlank()).isPresent();
        return HealthCheckResponse.named("owner-store")
                .status(writable || !expected)
                .withData("dataDir", directory.toString())
                .withData("writable", writable)
                .withData("expected", expected)
                .build();
    }

    /** Writable as it stands, or creatable: the store makes its directory on first save. */
    private static boolean writable(Path directory) {
        Path existing = directory;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing != null && Files.isDirectory(existing) && Files.isWritable(existing);
    }
}
