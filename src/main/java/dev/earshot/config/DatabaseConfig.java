package dev.earshot.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * Where Earshot's memory lives: {@code EARSHOT_DATABASE_URL} for PostgreSQL (several replicas), otherwise the
 * embedded database in {@code EARSHOT_DATA_DIR}. {@code database.DatabaseConfigSource} turns these into the
 * datasource settings; this mapping is for the code that needs to know which one is in use.
 */
@ConfigMapping(prefix = "earshot.database")
public interface DatabaseConfig {

    /** {@code EARSHOT_DATABASE_URL}: {@code postgresql://user:pass@host:5432/db} or {@code jdbc:postgresql://...}. */
    Optional<String> url();

    /** {@code EARSHOT_DATABASE_USER}: wins over a user in the URL. */
    Optional<String> user();

    /** {@code EARSHOT_DATABASE_PASSWORD}: wins over a password in the URL. */
    Optional<String> password();

    /** True when PostgreSQL is configured; false for the embedded default. */
    default boolean postgresql() {
        return url().filter(value -> !value.isBlank()).isPresent();
    }
}
