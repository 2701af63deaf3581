package dev.earshot.owner;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.auth.CookieSealer;
import dev.earshot.config.StorageConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The sealed file {@code owner-token.sealed} in {@code EARSHOT_DATA_DIR} where Earshot kept the owner's refresh
 * token before the database: read once at start-up to import it, then renamed to {@code owner-token.sealed.imported}
 * so it is never read again (upgrading loses nothing).
 */
@ApplicationScoped
public class OwnerTokenFile {

    static final String FILE_NAME = "owner-token.sealed";
    static final String IMPORTED_SUFFIX = ".imported";
    private static final String PURPOSE = "owner-store";
    private static final Logger LOG = Logger.getLogger(OwnerTokenFile.class);

    record Sealed(
            @JsonProperty("r") String refreshToken,
            @JsonProperty("s") Long signedInAt,
            @JsonProperty("u") String userId) {}

    private final Path file;
    private final CookieSealer sealer;
    private final ObjectMapper json;

    OwnerTokenFile(StorageConfig storage, CookieSealer sealer, ObjectMapper json) {
        this.file = storage.dataDir().resolve(FILE_NAME);
        this.sealer = sealer;
        this.json = json;
    }

    public Path file() {
        return file;
    }

    /**
     * The owner in the file, or empty when there is none or it cannot be opened (another secret, a damaged
     * file: then it stays where it is, for a start with the right secret).
     */
    public Optional<StoredOwner> load() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String value = Files.readString(file, StandardCharsets.US_ASCII).trim();
            Optional<CookieSealer.Opened> opened = sealer.open(PURPOSE, value);
            if (opened.isEmpty()) {
                LOG.warnf(
                        "The owner's token file %s cannot be opened with the current EARSHOT_SESSION_SECRET; not importing it",
                        file);
                return Optional.empty();
            }
            Sealed sealed = json.readValue(opened.get().plaintext(), Sealed.class);
            if (sealed.refreshToken() == null || sealed.refreshToken().isBlank()) {
                return Optional.empty();
            }
            Instant signedInAt = sealed.signedInAt() == null ? null : Instant.ofEpochSecond(sealed.signedInAt());
            return Optional.of(new StoredOwner(sealed.refreshToken(), signedInAt, sealed.userId()));
        } catch (IOException e) {
            LOG.warnf("The owner's token file %s cannot be read: %s", file, e.getMessage());
            return Optional.empty();
        }
    }

    /** Renames the file once its owner is in the database, so no later start reads it again. */
    public void markImported() {
        Path imported = file.resolveSibling(FILE_NAME + IMPORTED_SUFFIX);
        try {
            Files.move(file, imported, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // Importing again at the next start is harmless: a held token is never replaced by the file's.
            LOG.warnf("The imported owner's token file %s could not be renamed: %s", file, e.getMessage());
        }
    }
}
