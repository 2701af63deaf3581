package dev.earshot.owner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A replica that expects to keep the owner's token (EARSHOT_OWNER_ID set) but cannot write
 * EARSHOT_DATA_DIR is not ready: here the directory would have to be made inside a regular file.
 * Liveness stays UP — restarting would not make the disk writable.
 */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
@TestProfile(OwnerStoreReadinessTest.UnwritableDataDir.class)
class OwnerStoreReadinessTest {

    static final Path NOT_A_DIRECTORY = Path.of("target", "owner-store-readiness-not-a-directory");

    public static class UnwritableDataDir implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Files.createDirectories(NOT_A_DIRECTORY.getParent());
                Files.writeString(NOT_A_DIRECTORY, "a file where the data directory's parent should be");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of(
                    "earshot.data-dir",
                    NOT_A_DIRECTORY.resolve("data").toString(),
                    "earshot.owner.id",
                    "listener-1",
                    "earshot.setup",
                    "true");
        }
    }

    @Test
    void readinessIsDownWhenTheExpectedStoreCannotBeWritten() throws IOException {
        given().get("/q/health/ready")
                .then()
                .statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'owner-store' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'owner-store' }.data", nullValue());
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        // Which directory and why: in the log and on /setup, not on the public endpoint.
        String log = Files.readString(Path.of("target/quarkus-test.log"));
        assertTrue(
                log.contains("Not ready: the owner's token store directory "
                        + NOT_A_DIRECTORY.resolve("data").toAbsolutePath()),
                "the log names the directory");
        given().get("/setup").then().statusCode(200).body(containsString("This folder cannot be written now"));
    }
}
