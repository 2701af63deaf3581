package dev.earshot.database;

import dev.earshot.config.DatabaseConfig;
import dev.earshot.config.StorageConfig;
import io.quarkus.flyway.FlywayDataSource.FlywayDataSourceLiteral;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jboss.logging.Logger;

/**
 * Brings the configured database to the current schema at start-up, before anything reads it, and refuses to
 * start with one plain line naming the setting to fix when the database cannot be opened (a data directory that
 * is not writable, a PostgreSQL that does not answer or refuses the credentials) — instead of Flyway's stack trace.
 * Runs right after {@code config.StartupCheck}, which names missing settings first.
 */
@Singleton
public class DatabaseMigration {

    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class);

    /** Just after the configuration check, before every application observer. */
    static final int ORDER = Interceptor.Priority.PLATFORM_BEFORE + 1;

    void migrate(
            @Observes @Priority(ORDER) StartupEvent event,
            @Any Instance<Flyway> flyways,
            DatabaseConfig config,
            StorageConfig storage) {
        boolean postgresql = config.postgresql();
        try {
            Flyway flyway = postgresql
                    ? flyways.select(FlywayDataSourceLiteral.of(DatabaseConfigSource.POSTGRESQL))
                            .get()
                    : flyways.select(Default.Literal.INSTANCE).get();
            MigrateResult result = flyway.migrate();
            if (result.migrationsExecuted > 0) {
                LOG.infof(
                        "Database schema brought to version %s (%d migrations)",
                        result.targetSchemaVersion, result.migrationsExecuted);
            }
        } catch (RuntimeException e) {
            // The whole chain for whoever turns on DEBUG; the deployer gets the one line below.
            LOG.debug("The database could not be migrated", e);
            throw new ConfigurationException(
                    postgresql
                            ? "Earshot cannot use its database (EARSHOT_DATABASE_URL, EARSHOT_DATABASE_USER/_PASSWORD): "
                                    + firstLine(e) + ". See README.md, section Configuration."
                            : "Earshot cannot open its embedded database in EARSHOT_DATA_DIR ("
                                    + storage.dataDir().toAbsolutePath().normalize() + "): " + firstLine(e)
                                    + ". It must be a writable directory (in the container: a volume at /data),"
                                    + " or set EARSHOT_DATABASE_URL. See README.md, section Configuration.");
        }
    }

    /** The innermost cause's message, on one line: what the database itself said. */
    private static String firstLine(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage();
        String line = message.lines().findFirst().orElse("").trim();
        // Some causes say only a path ("/data"): the kind of failure is the rest of the sentence.
        return root.getClass().getSimpleName() + (line.isEmpty() ? "" : ": " + line);
    }
}
