package dev.earshot.history;

import dev.earshot.database.Database;
import dev.earshot.database.SqlTime;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;

/**
 * Which replica polls: a row in {@code recorder_lease} naming its holder (one id per process) and when the lease
 * ends. The holder renews it every round; another replica takes it only once it has expired, so after a crash
 * the recorder moves on within one lease length, and two replicas never poll at once. The row lock
 * ({@code SELECT ... FOR UPDATE}) makes the check and the take-over one step on both databases.
 */
final class RecorderLease {

    /** The one lease the app's recorder uses; tests use names of their own. */
    static final String RECORDER = "recorder";

    private final Database database;
    private final String name;
    private final String holder;
    private final Duration length;

    RecorderLease(Database database, String name, String holder, Duration length) {
        this.database = database;
        this.name = name;
        this.holder = holder;
        this.length = length;
    }

    String holder() {
        return holder;
    }

    /** Takes or renews the lease at {@code now}; true when this process holds it until {@code now + length}. */
    boolean acquire(Instant now) {
        return database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO recorder_lease (name, holder, expires_at) VALUES (?, NULL, ?) ON CONFLICT DO NOTHING")) {
                insert.setString(1, name);
                insert.setObject(2, SqlTime.of(Instant.EPOCH));
                insert.executeUpdate();
            }
            String current;
            Instant expires;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT holder, expires_at FROM recorder_lease WHERE name = ? FOR UPDATE")) {
                select.setString(1, name);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    current = rows.getString(1);
                    expires = SqlTime.read(rows, 2);
                }
            }
            if (!holder.equals(current) && now.isBefore(expires)) {
                return false;
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE recorder_lease SET holder = ?, expires_at = ? WHERE name = ?")) {
                update.setString(1, holder);
                update.setObject(2, SqlTime.of(now.plus(length)));
                update.setString(3, name);
                update.executeUpdate();
            }
            return true;
        });
    }

    /** Gives the lease up at once (a clean shutdown), so another replica need not wait for it to expire. */
    void release(Instant now) {
        database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE recorder_lease SET expires_at = ? WHERE name = ? AND holder = ?")) {
                update.setObject(1, SqlTime.of(now));
                update.setString(2, name);
                update.setString(3, holder);
                return update.executeUpdate();
            }
        });
    }
}
