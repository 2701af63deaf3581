package dev.earshot.database;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Which database, as configuration: two datasources are built in — the embedded H2 default and
 * {@code postgresql} — and this turns {@code EARSHOT_DATABASE_URL} (or its absence) into Quarkus's own
 * settings, so exactly one of them is active and Flyway migrates that one. Without a URL, the data lives in
 * {@code EARSHOT_DATA_DIR/earshot.mv.db}. Registered in {@code META-INF/services/io.smallrye.config.ConfigSourceFactory}.
 */
public class DatabaseConfigSource implements ConfigSourceFactory {

    /** Below the environment (300): a deployer who sets Quarkus's own datasource keys still wins. */
    static final int ORDINAL = 275;

    /** The name of the PostgreSQL datasource; the embedded one is Quarkus's default datasource. */
    public static final String POSTGRESQL = "postgresql";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        String url = value(context, "earshot.database.url");
        Path dataDir = Path.of(orDefault(value(context, "earshot.data-dir"), "data"));
        Map<String, String> settings = new HashMap<>(
                url == null || url.isBlank()
                        ? embedded(dataDir)
                        : postgresql(
                                DatabaseUrl.parse(url),
                                value(context, "earshot.database.user"),
                                value(context, "earshot.database.password")));
        if (!usable(dataDir)) {
            // Quarkus REST makes its upload directory (under the data directory) before any of the app's code
            // runs, and would stop start-up with a stack trace; elsewhere, start-up gets as far as
            // DatabaseMigration or the import, which name EARSHOT_DATA_DIR in one line.
            settings.put(
                    "quarkus.http.body.uploads-directory",
                    Path.of(System.getProperty("java.io.tmpdir"), "earshot-uploads")
                            .toString());
        }
        return List.of(new PropertiesConfigSource(settings, DatabaseConfigSource.class.getSimpleName(), ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    static Map<String, String> embedded(Path dataDir) {
        return Map.of(
                "quarkus.datasource.jdbc.url",
                EmbeddedDatabase.jdbcUrl(dataDir),
                "quarkus.datasource." + POSTGRESQL + ".active",
                "false",
                "quarkus.flyway." + POSTGRESQL + ".active",
                "false");
    }

    static Map<String, String> postgresql(DatabaseUrl url, String user, String password) {
        Map<String, String> settings = new HashMap<>(active(true));
        settings.put("quarkus.datasource." + POSTGRESQL + ".jdbc.url", url.jdbcUrl());
        // EARSHOT_DATABASE_USER/_PASSWORD win over credentials in the URL (a secret store may hold them apart).
        String chosenUser = user != null && !user.isBlank() ? user : url.user().orElse(null);
        String chosenPassword = password != null && !password.isEmpty()
                ? password
                : url.password().orElse(null);
        if (chosenUser != null) {
            settings.put("quarkus.datasource." + POSTGRESQL + ".username", chosenUser);
        }
        if (chosenPassword != null) {
            settings.put("quarkus.datasource." + POSTGRESQL + ".password", chosenPassword);
        }
        return settings;
    }

    /** A directory that exists and can be written, or that can be made (its nearest existing parent can be written). */
    static boolean usable(Path directory) {
        Path existing = directory.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing != null && Files.isDirectory(existing) && Files.isWritable(existing);
    }

    /**
     * Both switches, always both: Quarkus keeps the values its runtime settings had at build time as defaults,
     * so a switch this source left unset would fall back to whatever the build machine chose.
     */
    private static Map<String, String> active(boolean postgresql) {
        return Map.of(
                "quarkus.datasource.active",
                Boolean.toString(!postgresql),
                "quarkus.flyway.active",
                Boolean.toString(!postgresql),
                "quarkus.datasource." + POSTGRESQL + ".active",
                Boolean.toString(postgresql),
                "quarkus.flyway." + POSTGRESQL + ".active",
                Boolean.toString(postgresql));
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null ? null : value.getValue();
    }
}
