package dev.earshot.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.auth.CookieSealer;
import dev.earshot.auth.SealingKeys;
import dev.earshot.testing.PackagedApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * S15 against the packaged jar: in the prod profile, with Spotify's credentials but no
 * EARSHOT_SESSION_SECRET, the app stops with the one message naming the variable — not a stack
 * trace — whatever else would have been read at start-up (an owner token, an owner store on disk).
 */
class StartupWithoutSecretIT {

    private Path dataDir;
    private Path log;

    @BeforeEach
    void files() throws Exception {
        Path target = Path.of("target");
        dataDir = Files.createTempDirectory(target, "no-secret-data-");
        log = Files.createTempFile(target, "no-secret-", ".log");
    }

    @Test
    void s15_withAnOwnerRefreshTokenTheMissingSecretIsNamedWithoutAStackTrace() throws Exception {
        Map<String, String> environment = environment();
        environment.put("SPOTIFY_REFRESH_TOKEN", "owner-refresh-from-env");
        assertRefusedNamingTheSecret(environment);
    }

    @Test
    void s15_withAnOwnerStoreOnDiskTheMissingSecretIsNamedWithoutAStackTrace() throws Exception {
        // A store sealed by an earlier run, under the secret that is now missing.
        CookieSealer earlier =
                new CookieSealer(new SealingKeys("an-earlier-secret-0123456789-0123456789", Optional.empty()));
        Files.writeString(
                dataDir.resolve("owner-token.sealed"),
                earlier.seal(
                        "owner-store", "{\"r\":\"stored-refresh\",\"u\":\"owner\"}".getBytes(StandardCharsets.UTF_8)));
        assertRefusedNamingTheSecret(environment());
    }

    private void assertRefusedNamingTheSecret(Map<String, String> environment) throws Exception {
        int exitCode = PackagedApp.exitCodeOfFailedStart(environment, log);
        String output = Files.readString(log);
        assertNotEquals(0, exitCode, output);
        assertTrue(output.contains("EARSHOT_SESSION_SECRET is not set"), "names the variable: " + output);
        assertFalse(output.contains("NoSuchElementException"), output);
        assertFalse(output.contains("\tat "), "no stack trace: " + output);
    }

    private Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("SPOTIFY_CLIENT_ID", "no-secret-test-client");
        environment.put("SPOTIFY_CLIENT_SECRET", "no-secret-test-client-secret");
        environment.put("SPOTIFY_REDIRECT_URI", "http://127.0.0.1:8080/api/callback");
        environment.put("EARSHOT_DATA_DIR", dataDir.toString());
        environment.put("EARSHOT_DEMO", "false");
        return environment;
    }
}
