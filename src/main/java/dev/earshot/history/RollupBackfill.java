package dev.earshot.history;

import dev.earshot.database.Database;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Builds the rollups of listeners whose plays were stored before rollups existed (an upgrade to migration V5), once,
 * in the background after start-up: until a listener's are built, the figures read their plays directly, which is
 * right but slower. Several replicas may start together; the rollup lock makes the second one find the work done.
 */
@ApplicationScoped
class RollupBackfill {

    private static final Logger LOG = Logger.getLogger(RollupBackfill.class);

    private static final String WITHOUT_ROLLUPS = "SELECT DISTINCT listener_id FROM play p WHERE kind = 'track'"
            + " AND NOT EXISTS (SELECT 1 FROM listening_rollup r WHERE r.listener_id = p.listener_id)";

    private final Database database;
    private Thread worker;

    RollupBackfill(Database database) {
        this.database = database;
    }

    void start(@Observes StartupEvent event) {
        worker = new Thread(this::backfill, "earshot-rollup-backfill");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (worker != null) {
            worker.interrupt();
        }
    }

    /** Builds the rollups of every listener who has plays but none; answers how many were built. */
    int backfill() {
        try {
            List<String> listeners = database.inTransaction(connection -> {
                List<String> found = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement(WITHOUT_ROLLUPS);
                        ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(rows.getString(1));
                    }
                }
                return found;
            });
            int built = 0;
            for (String listenerId : listeners) {
                if (Thread.currentThread().isInterrupted()) {
                    break;
                }
                long started = System.nanoTime();
                boolean done = database.inTransaction(connection -> {
                    try (PreparedStatement check =
                            connection.prepareStatement("SELECT 1 FROM listening_rollup WHERE listener_id = ?")) {
                        check.setString(1, listenerId);
                        try (ResultSet rows = check.executeQuery()) {
                            if (rows.next()) {
                                return false;
                            }
                        }
                    }
                    Rollups.rebuildEverything(connection, listenerId);
                    return true;
                });
                if (done) {
                    built++;
                    LOG.infof(
                            "Built the history rollups of one listener in %d ms",
                            (System.nanoTime() - started) / 1_000_000);
                }
            }
            return built;
        } catch (RuntimeException e) {
            // The figures read plays directly meanwhile; the next start tries again.
            LOG.warnf("Building history rollups failed: %s", e.toString());
            return 0;
        }
    }
}
