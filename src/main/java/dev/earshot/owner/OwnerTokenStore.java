package dev.earshot.owner;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.auth.CookieSealer;
import dev.earshot.config.StorageConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The owner's refresh token on disk, in {@code EARSHOT_DATA_DIR}: sealed with the session secret
 * (AES-GCM, like the cookies) and replaced atomically, so a crash mid-write never leaves half a file
 * and a restart never loses a working token. A store sealed under the previous secret is sealed again
 * under the current one when it is read (at start-up), so a rotation never strands it.
 */
@ApplicationScoped
public class OwnerTokenStore {

    static final String FILE_NAME = "owner-token.sealed";
    private static final String PURPOSE = "owner-store";
    private static final Logger LOG = Logger.getLogger(OwnerTokenStore.class);

    record Sealed(
            @JsonProperty("r") String refreshToken,
            @JsonProperty("s") Long signedInAt,
            @JsonProperty("u") String userId) {}

    private final Path file;
    private final CookieSealer sealer;
    private final ObjectMapper json;

    OwnerTokenStore(StorageConfig storage, CookieSealer sealer, ObjectMapper json) {
        this.file = storage.dataDir().resolve(FILE_NAME);
        this.sealer = sealer;
        this.json = json;
    }

    public Path file() {
        return file;
    }

    /** The directory the store lives in, absolute. */
    public Path directory() {
        return file.toAbsolutePath().getParent();
    }

    /** Whether the store can be written: its directory as it stands, or creatable (it is made on first save). */
    public boolean writable() {
        Path existing = directory();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing != null && Files.isDirectory(existing) && Files.isWritable(existing);
    }

    /** The stored owner, or empty when there is none or it cannot be opened (another secret, a damaged file). */
    public Optional<StoredOwner> load() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String value = Files.readString(file, StandardCharsets.US_ASCII).trim();
            Optional<CookieSealer.Opened> opened = sealer.open(PURPOSE, value);
            if (opened.isEmpty()) {
                LOG.warnf(
                        "The owner's token store %s cannot be opened with the current EARSHOT_SESSION_SECRET; ignoring it",
                        file);
                return Optional.empty();
            }
            Sealed sealed = json.readValue(opened.get().plaintext(), Sealed.class);
            if (sealed.refreshToken() == null || sealed.refreshToken().isBlank()) {
                return Optional.empty();
            }
            Instant signedInAt = sealed.signedInAt() == null ? null : Instant.ofEpochSecond(sealed.signedInAt());
            StoredOwner owner = new StoredOwner(sealed.refreshToken(), signedInAt, sealed.userId());
            if (opened.get().underOldKey()) {
                resealUnderCurrentKey(owner);
            }
            return Optional.of(owner);
        } catch (IOException e) {
            LOG.warnf("The owner's token store %s cannot be read: %s", file, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * After a secret rotation the store opens only with EARSHOT_SESSION_SECRET_PREVIOUS: sealed again under
     * the current secret now, it stays readable once the previous one is dropped.
     */
    private void resealUnderCurrentKey(StoredOwner owner) {
        try {
            save(owner);
            LOG.infof(
                    "The owner's token store %s was sealed with EARSHOT_SESSION_SECRET_PREVIOUS; it is now sealed with the current secret",
                    file);
        } catch (UncheckedIOException e) {
            LOG.warnf(
                    "The owner's token store %s is sealed with EARSHOT_SESSION_SECRET_PREVIOUS and could not be sealed again: %s. "
                            + "Keep the previous secret set until it can be written.",
                    file, e.getCause().getMessage());
        }
    }

    /** Writes {@code owner} to a temporary file next to the store and moves it over the old one in one step. */
    public void save(StoredOwner owner) {
        try {
            Files.createDirectories(file.getParent() == null ? Path.of(".") : file.getParent());
            Long signedInAt =
                    owner.signedInAt() == null ? null : owner.signedInAt().getEpochSecond();
            byte[] plaintext = json.writeValueAsBytes(new Sealed(owner.refreshToken(), signedInAt, owner.userId()));
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), FILE_NAME, ".tmp");
            Files.writeString(temporary, sealer.seal(PURPOSE, plaintext), StandardCharsets.US_ASCII);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The owner's token could not be saved to " + file, e);
        }
    }
}
