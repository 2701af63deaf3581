package dev.earshot.database;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.testing.PackagedApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar refuses to start with one plain line naming the setting to fix when its database cannot be
 * opened — a data directory that is not a writable directory, a PostgreSQL that does not answer, a URL of the
 * wrong form — not with Flyway's or the driver's stack trace.
 */
class DatabaseStartupIT {

    private Path scratch;
    private Path log;

    @BeforeEach
    void files() throws Exception {
        Path target = Path.of("target");
        scratch = Files.createTempDirectory(target, "db-startup-");
        log = Files.createTempFile(target, "db-startup-", ".log");
    }

    @Test
    void aDataDirectoryThatIsAFileIsNamedWithoutAStackTrace() throws Exception {
        Path notADirectory = Files.writeString(scratch.resolve("data"), "a file, not a directory");
        Map<String, String> environment = environment();
        environment.put("EARSHOT_DATA_DIR", notADirectory.toString());
        String output = refused(environment);
        assertTrue(output.contains("cannot open its embedded database in EARSHOT_DATA_DIR"), output);
        assertTrue(output.contains("writable directory"), output);
    }

    @Test
    void aPostgresqlThatDoesNotAnswerIsNamedWithoutAStackTrace() throws Exception {
        Map<String, String> environment = environment();
        // Port 1 on loopback: nothing listens there.
        environment.put("EARSHOT_DATABASE_URL", "postgresql://earshot:secret-pw@127.0.0.1:1/earshot");
        String output = refused(environment);
        assertTrue(output.contains("cannot use its database (EARSHOT_DATABASE_URL"), output);
        assertFalse(output.contains("secret-pw"), "the password stays out of the log: " + output);
    }

    private String refused(Map<String, String> environment) throws Exception {
        int exitCode = PackagedApp.exitCodeOfFailedStart(environment, log);
        String output = Files.readString(log);
        assertNotEquals(0, exitCode, output);
        assertFalse(output.contains("\tat "), "no stack trace: " + output);
        return output;
    }

    private Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("SPOTIFY_CLIENT_ID", "db-startup-test-client");
        environment.put("SPOTIFY_CLIENT_SECRET", "db-startup-test-client-secret");
        environment.put("SPOTIFY_REDIRECT_URI", "http://127.0.0.1:8080/api/callback");
        environment.put("EARSHOT_SESSION_SECRET", "db-startup-test-secret-0123456789-0123456789");
        environment.put("EARSHOT_DATA_DIR", scratch.resolve("data").toString());
        environment.put("EARSHOT_DEMO", "false");
        return environment;
    }
}
