package dev.earshot.history;

import dev.earshot.database.Database;
import dev.earshot.database.SqlTime;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Rebuilds the rollups of months whose plays changed, in the background: woken right after an import or a recorder
 * round, and every {@link #SWEEP_SECONDS} seconds for writes on other replicas or rebuilds cut short. At start-up
 * it also marks, once, the whole history of listeners whose plays came before rollups existed (an upgrade).
 * A month is rebuilt in a transaction of its own, so a million-play import never becomes one huge transaction;
 * the dirty marks go only when all is rebuilt, and until then the figures read the plays themselves.
 */
@ApplicationScoped
public class RollupBuilder {

    private static final Logger LOG = Logger.getLogger(RollupBuilder.class);

    static final long SWEEP_SECONDS = 10;

    private static final String WITHOUT_ROLLUPS = "SELECT listener_id, MIN(ended_at), MAX(ended_at) FROM play p"
            + " WHERE kind = 'track' AND NOT EXISTS (SELECT 1 FROM listening_rollup r WHERE r.listener_id = p.listener_id)"
            + " AND NOT EXISTS (SELECT 1 FROM listening_dirty d WHERE d.listener_id = p.listener_id)"
            + " GROUP BY listener_id";

    private static final String DIRTY = "SELECT listener_id, MIN(from_month), MAX(to_month), MAX(id)"
            + " FROM listening_dirty GROUP BY listener_id";

    /** Dirty months of one listener, and the last mark they come from. */
    private record Work(String listenerId, int fromMonth, int toMonth, long lastMark) {}

    private final Database database;
    private final Semaphore wakeUp = new Semaphore(0);
    private Thread worker;

    RollupBuilder(Database database) {
        this.database = database;
    }

    void start(@Observes StartupEvent event) {
        worker = new Thread(this::run, "earshot-rollup-builder");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (worker != null) {
            worker.interrupt();
        }
    }

    /** Asks for a round soon (after plays were written and committed). */
    public void wake() {
        wakeUp.release();
    }

    private void run() {
        try {
            markListenersWithoutRollups();
        } catch (RuntimeException e) {
            LOG.warnf("Looking for plays without rollups failed: %s", e.toString());
        }
        while (!Thread.currentThread().isInterrupted()) {
            try {
                round();
                wakeUp.tryAcquire(SWEEP_SECONDS, TimeUnit.SECONDS);
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The database failing must not end the builder: the marks stay, the next round tries again.
                LOG.warnf("Rebuilding history rollups failed: %s", e.toString());
            }
        }
    }

    /** Marks the whole history of each listener who has plays but no rollups; answers how many were marked. */
    int markListenersWithoutRollups() {
        return database.inTransaction(connection -> {
            int marked = 0;
            try (PreparedStatement select = connection.prepareStatement(WITHOUT_ROLLUPS);
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Rollups.markDirty(connection, rows.getString(1), SqlTime.read(rows, 2), SqlTime.read(rows, 3));
                    marked++;
                }
            }
            return marked;
        });
    }

    /** Rebuilds every dirty month there is now; answers how many listeners' rollups were brought up to date. */
    public synchronized int round() {
        List<Work> work = database.inTransaction(connection -> {
            List<Work> found = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(DIRTY);
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(new Work(rows.getString(1), rows.getInt(2), rows.getInt(3), rows.getLong(4)));
                }
            }
            return found;
        });
        for (Work listener : work) {
            rebuild(listener);
        }
        return work.size();
    }

    private void rebuild(Work work) {
        long started = System.nanoTime();
        YearMonth first = Rollups.monthOf(work.fromMonth());
        YearMonth last = Rollups.monthOf(work.toMonth());
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            YearMonth current = month;
            database.inTransaction(connection -> {
                Rollups.rebuildMonth(connection, work.listenerId(), current);
                return null;
            });
        }
        database.inTransaction(connection -> {
            Rollups.rebuildYears(connection, work.listenerId(), first.getYear(), last.getYear());
            // Only the marks this round read: a write since then left its own, for the next round.
            try (PreparedStatement clear =
                    connection.prepareStatement("DELETE FROM listening_dirty WHERE listener_id = ? AND id <= ?")) {
                clear.setString(1, work.listenerId());
                clear.setLong(2, work.lastMark());
                clear.executeUpdate();
            }
            return null;
        });
        LOG.debugf(
                "Rebuilt %d months of history rollups in %d ms",
                first.until(last, ChronoUnit.MONTHS) + 1, (System.nanoTime() - started) / 1_000_000);
    }
}
