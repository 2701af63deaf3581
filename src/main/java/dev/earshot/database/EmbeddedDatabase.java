package dev.earshot.database;

import java.nio.file.Path;

/**
 * The embedded default: H2 in one file, {@code earshot.mv.db}, in the data directory, speaking PostgreSQL's
 * dialect so one set of migrations and queries serves both databases.
 */
public final class EmbeddedDatabase {

    /** The file H2 writes, next to nothing else (the container's root stays read-only). */
    public static final String FILE_NAME = "earshot.mv.db";

    /*
     * WRITE_DELAY=0: H2 otherwise writes committed transactions to disk up to half a second later, and a
     * kill -9 lost every one of them in our measurements (README, "The embedded database").
     * DATABASE_TO_LOWER and DEFAULT_NULL_ORDERING=HIGH make names and NULL ordering behave as in PostgreSQL.
     * TRACE_LEVEL_FILE=0: no second file (earshot.trace.db); errors reach the app as exceptions and its log.
     */
    private static final String SETTINGS =
            ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;TRACE_LEVEL_FILE=0";

    private EmbeddedDatabase() {}

    /** The JDBC URL of the database in {@code dataDir} (H2 wants an absolute path). */
    public static String jdbcUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("earshot") + SETTINGS;
    }
}
