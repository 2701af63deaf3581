package dev.earshot.history;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.earshot.database.Database;
import dev.earshot.database.SqlTime;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code recording} table: who is recorded, each listener's cursor, next poll and pause. */
@ApplicationScoped
class RecordingStore {

    private static final String COLUMNS =
            "listener_id, tokens, since, cursor_ms, last_recorded_at, next_poll_at, paused_at";

    /** How long a count of plays kept is reused: counting a heavy importer's million rows on every dashboard view would cost. */
    static final Duration COUNT_KEPT_FOR = Duration.ofSeconds(30);

    private final Database database;
    private final Cache<String, Long> playsKept = Caffeine.newBuilder()
            .expireAfterWrite(COUNT_KEPT_FOR)
            .maximumSize(10_000)
            .build();

    RecordingStore(Database database) {
        this.database = database;
    }

    /** Starts recording {@code listenerId} (or un-pauses it, keeping its cursor); first poll at {@code firstPollAt}. */
    void start(String listenerId, Recording.Tokens tokens, Instant now, Instant firstPollAt) {
        database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE recording SET tokens = ?, paused_at = NULL, next_poll_at = ? WHERE listener_id = ?")) {
                update.setString(1, tokens.column);
                update.setObject(2, SqlTime.of(firstPollAt));
                update.setString(3, listenerId);
                if (update.executeUpdate() > 0) {
                    return null;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO recording (listener_id, tokens,"
                    + " since, next_poll_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                insert.setString(1, listenerId);
                insert.setString(2, tokens.column);
                insert.setObject(3, SqlTime.of(now));
                insert.setObject(4, SqlTime.of(firstPollAt));
                insert.executeUpdate();
            }
            return null;
        });
    }

    /** Stops recording {@code listenerId}; the plays kept stay. */
    void stop(String listenerId) {
        database.inTransaction(connection -> {
            try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM recording WHERE listener_id = ?")) {
                delete.setString(1, listenerId);
                return delete.executeUpdate();
            }
        });
    }

    Optional<Recording> find(String listenerId) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT " + COLUMNS + " FROM recording WHERE listener_id = ?")) {
                select.setString(1, listenerId);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(read(rows)) : Optional.<Recording>empty();
                }
            }
        });
    }

    /** The listeners due at {@code now} and not paused, longest waiting first, at most {@code limit}. */
    List<Recording> due(Instant now, int limit) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM recording WHERE next_poll_at <= ? AND paused_at IS NULL ORDER BY next_poll_at"
                    + " FETCH FIRST " + limit + " ROWS ONLY")) {
                select.setObject(1, SqlTime.of(now));
                try (ResultSet rows = select.executeQuery()) {
                    List<Recording> due = new ArrayList<>();
                    while (rows.next()) {
                        due.add(read(rows));
                    }
                    return due;
                }
            }
        });
    }

    /** After a poll: the new cursor (only ever forward), the newest play stored, and when to poll next. */
    void polled(String listenerId, Optional<Instant> cursor, Optional<Instant> lastRecorded, Instant nextPollAt) {
        database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE recording SET"
                    + " cursor_ms = CASE WHEN cursor_ms IS NULL OR cursor_ms < ? THEN ? ELSE cursor_ms END,"
                    + " last_recorded_at = COALESCE(?, last_recorded_at), next_poll_at = ? WHERE listener_id = ?")) {
                long cursorMs = cursor.map(Instant::toEpochMilli).orElse(Long.MIN_VALUE);
                update.setLong(1, cursorMs);
                if (cursor.isPresent()) {
                    update.setLong(2, cursorMs);
                } else {
                    update.setObject(2, null, java.sql.Types.BIGINT);
                }
                update.setObject(3, lastRecorded.map(SqlTime::of).orElse(null));
                update.setObject(4, SqlTime.of(nextPollAt));
                update.setString(5, listenerId);
                return update.executeUpdate();
            }
        });
    }

    /** Spotify refused the listener's sign-in: no more polls until they sign in again. */
    void pause(String listenerId, Instant at) {
        database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE recording SET paused_at = ? WHERE listener_id = ? AND paused_at IS NULL")) {
                update.setObject(1, SqlTime.of(at));
                update.setString(2, listenerId);
                return update.executeUpdate();
            }
        });
    }

    /** How many plays (30 s or more) of {@code listenerId} are kept, whatever their source. */
    long playsKept(String listenerId) {
        Long known = playsKept.getIfPresent(listenerId);
        if (known != null) {
            return known;
        }
        long counted = database.inTransaction(connection -> count(connection, listenerId));
        playsKept.put(listenerId, counted);
        return counted;
    }

    private static long count(Connection connection, String listenerId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT COUNT(*) FROM play WHERE listener_id = ? AND ms_played >= " + PlayRow.PLAY_THRESHOLD_MS)) {
            select.setString(1, listenerId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static Recording read(ResultSet rows) throws SQLException {
        long cursorMs = rows.getLong("cursor_ms");
        Optional<Instant> cursor = rows.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(cursorMs));
        return new Recording(
                rows.getString("listener_id"),
                Recording.Tokens.of(rows.getString("tokens")),
                SqlTime.read(rows, "since"),
                cursor,
                Optional.ofNullable(SqlTime.read(rows, "last_recorded_at")),
                SqlTime.read(rows, "next_poll_at"),
                Optional.ofNullable(SqlTime.read(rows, "paused_at")));
    }
}
