package dev.earshot.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void aPlatformStyleUrlBecomesAJdbcUrlAndItsCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://earshot:s%40cret+1@db.internal:5433/earshot?sslmode=require");
        assertEquals("jdbc:postgresql://db.internal:5433/earshot?sslmode=require", url.jdbcUrl());
        assertEquals(Optional.of("earshot"), url.user());
        assertEquals(Optional.of("s@cret+1"), url.password());
    }

    @Test
    void postgresSchemeAndNoPortOrCredentialsAreAccepted() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://db/earshot");
        assertEquals("jdbc:postgresql://db/earshot", url.jdbcUrl());
        assertEquals(Optional.empty(), url.user());
    }

    @Test
    void aJdbcUrlIsTakenAsItIs() {
        String jdbc = "jdbc:postgresql://10.0.0.5:5432/earshot?ssl=true";
        assertEquals(jdbc, DatabaseUrl.parse(jdbc).jdbcUrl());
    }

    @Test
    void otherValuesAreRefusedWithWhatIsExpected() {
        for (String bad :
                new String[] {"mysql://db/earshot", "postgresql://db", "postgresql:///earshot", "", "db:5432"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse(bad));
            assertTrue(e.getMessage().startsWith("EARSHOT_DATABASE_URL must look like postgresql://"), e.getMessage());
        }
    }

    @Test
    void thePasswordNeverShowsInTheRecordsText() {
        assertFalse(DatabaseUrl.parse("postgresql://u:hunter2@db/earshot")
                .toString()
                .contains("hunter2"));
    }

    @Test
    void separateUserAndPasswordWinOverTheUrls() {
        Map<String, String> settings = DatabaseConfigSource.postgresql(
                DatabaseUrl.parse("postgresql://u:p@db/earshot"), "deployer", "from-a-secret-store");
        assertEquals("deployer", settings.get("quarkus.datasource.postgresql.username"));
        assertEquals("from-a-secret-store", settings.get("quarkus.datasource.postgresql.password"));
        assertEquals("false", settings.get("quarkus.datasource.active"));
    }

    @Test
    void withoutAUrlTheEmbeddedDatabaseLivesInTheDataDirectory() {
        Map<String, String> settings = DatabaseConfigSource.embedded(Path.of("/data"));
        assertTrue(settings.get("quarkus.datasource.jdbc.url").startsWith("jdbc:h2:file:/data/earshot;"));
        assertTrue(settings.get("quarkus.datasource.jdbc.url").contains("WRITE_DELAY=0"));
        assertEquals("false", settings.get("quarkus.datasource.postgresql.active"));
    }
}
