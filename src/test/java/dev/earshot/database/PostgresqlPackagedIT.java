package dev.earshot.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.testing.PackagedApp;
import dev.earshot.testing.PostgresCluster;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar on PostgreSQL as a deployer configures it — one {@code EARSHOT_DATABASE_URL} in the platform
 * form with credentials in it — migrates the schema there and is ready, writing no database file in its data
 * directory. (The jar keeps the build's datasource choice as defaults: this is where a half-switched
 * configuration would show.)
 */
class PostgresqlPackagedIT {

    @Test
    void theJarMigratesAndServesOnPostgresqlFromOneUrl() throws Exception {
        Path target = Path.of("target");
        Path dataDir = Files.createTempDirectory(target, "pg-jar-data-");
        Path log = Files.createTempFile(target, "pg-jar-", ".log");
        try (PostgresCluster cluster = PostgresCluster.start()) {
            Map<String, String> environment = new HashMap<>();
            environment.put("SPOTIFY_CLIENT_ID", "pg-jar-test-client");
            environment.put("SPOTIFY_CLIENT_SECRET", "pg-jar-test-client-secret");
            environment.put("SPOTIFY_REDIRECT_URI", "http://127.0.0.1:8080/api/callback");
            environment.put("EARSHOT_SESSION_SECRET", "pg-jar-test-secret-0123456789-0123456789");
            environment.put("EARSHOT_DATA_DIR", dataDir.toString());
            environment.put("EARSHOT_DEMO", "false");
            environment.put(
                    "EARSHOT_DATABASE_URL",
                    "postgresql://" + PostgresCluster.USER + ":" + PostgresCluster.PASSWORD + "@127.0.0.1:"
                            + cluster.port() + "/" + PostgresCluster.DATABASE);
            try (PackagedApp app = PackagedApp.start(environment, log)) {
                HttpResponse<String> ready = app.get("/q/health/ready");
                assertEquals(200, ready.statusCode(), ready.body());
            }
            try (Connection connection = DriverManager.getConnection(
                            cluster.jdbcUrl(), PostgresCluster.USER, PostgresCluster.PASSWORD);
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(
                            "SELECT COUNT(*) FROM flyway_schema_history WHERE success AND version = '1'")) {
                rows.next();
                assertEquals(1, rows.getInt(1), "the schema was migrated on PostgreSQL");
            }
            assertTrue(Files.notExists(dataDir.resolve(EmbeddedDatabase.FILE_NAME)), "no embedded database was opened");
        }
    }
}
