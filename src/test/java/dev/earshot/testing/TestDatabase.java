package dev.earshot.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Chooses the database the whole test run uses. By default the tests use the embedded database, as a
 * fresh deployment does. With {@code -Dtest.database=postgresql} (the {@code postgresql} run of
 * {@code ./mvnw verify}) one real PostgreSQL cluster is started before the first test and the app is pointed
 * at it through {@code EARSHOT_DATABASE_URL}'s property, exactly as a deployer configures it; it is removed
 * after the last test. Registered in {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}.
 */
public class TestDatabase implements LauncherSessionListener {

    static final String CHOICE = "test.database";

    private PostgresCluster cluster;

    /** True when this run's tests use PostgreSQL. */
    public static boolean postgresql() {
        return "postgresql".equalsIgnoreCase(System.getProperty(CHOICE, ""));
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!postgresql() || cluster != null) {
            return;
        }
        try {
            cluster = PostgresCluster.start();
        } catch (Exception e) {
            throw new IllegalStateException("Could not start PostgreSQL for the database tests: " + e.getMessage(), e);
        }
        System.setProperty("earshot.database.url", cluster.jdbcUrl());
        System.setProperty("earshot.database.user", PostgresCluster.USER);
        System.setProperty("earshot.database.password", PostgresCluster.PASSWORD);
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (cluster == null) {
            return;
        }
        try {
            cluster.close();
        } catch (Exception e) {
            System.err.println("Could not stop the test PostgreSQL cluster: " + e.getMessage());
        }
        cluster = null;
    }
}
