package dev.earshot.history;

import dev.earshot.database.SqlTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * Keeps the rollups (tables {@code listening_total} and {@code listening_hour}, migration V5) in step with table
 * {@code play}: whoever writes plays marks the months they fall in as dirty, and {@link RollupBuilder} rebuilds those
 * months — totals per track, artist and album, and listening per hour — then their years and all time. Rebuilding
 * from the plays rather than adding deltas keeps every write path simple (duplicates skipped by {@code play_once},
 * twins removed, episodes moved on) and makes the rollups right again whatever went before.
 */
public final class Rollups {

    static final String MONTH = "month";
    static final String YEAR = "year";
    static final String ALL = "all";

    /** The span key of the one 'all' row set. */
    static final int ALL_TIME = 0;

    private static final String PLAY = "ms_played >= " + PlayRow.PLAY_THRESHOLD_MS;

    private static final String FIGURES = "SUM(CASE WHEN " + PLAY + " THEN 1 ELSE 0 END), SUM(ms_played),"
            + " MIN(CASE WHEN " + PLAY + " THEN ended_at END), MAX(CASE WHEN " + PLAY + " THEN ended_at END)";

    private static final String INSERT_TOTAL = "INSERT INTO listening_total (listener_id, span, span_key, kind,"
            + " artist, artist_prefix, name, plays, ms_played, first_play, last_play) ";

    private static final String MUSIC_OF_MONTH =
            " FROM play WHERE listener_id = ? AND kind = 'track' AND ended_at >= ? AND ended_at < ?";

    private static final String MONTH_TRACKS =
            INSERT_TOTAL + "SELECT ?, 'month', ?, 'track', artist, LEFT(artist, 200)," + " name, " + FIGURES
                    + MUSIC_OF_MONTH + " GROUP BY artist, name";

    private static final String MONTH_ARTISTS = INSERT_TOTAL + "SELECT ?, 'month', ?, 'artist', artist,"
            + " LEFT(artist, 200), artist, " + FIGURES + MUSIC_OF_MONTH + " AND artist IS NOT NULL GROUP BY artist";

    private static final String MONTH_ALBUMS =
            INSERT_TOTAL + "SELECT ?, 'month', ?, 'album', artist, LEFT(artist, 200)," + " album, " + FIGURES
                    + MUSIC_OF_MONTH + " AND album IS NOT NULL GROUP BY artist, album";

    private static final String EPOCH_HOUR = "CAST(FLOOR(EXTRACT(EPOCH FROM ended_at) / 3600) AS BIGINT)";

    private static final String MONTH_HOURS = "INSERT INTO listening_hour (listener_id, epoch_hour, plays, ms_played)"
            + " SELECT ?, " + EPOCH_HOUR + ", SUM(CASE WHEN " + PLAY + " THEN 1 ELSE 0 END), SUM(ms_played)"
            + MUSIC_OF_MONTH + " GROUP BY " + EPOCH_HOUR;

    /** Adds up rows of one span into the next: months into a year, years into all time. */
    private static final String SUM_UP = INSERT_TOTAL + "SELECT listener_id, ?, ?, kind, artist, MIN(artist_prefix),"
            + " name, SUM(plays), SUM(ms_played), MIN(first_play), MAX(last_play) FROM listening_total"
            + " WHERE listener_id = ? AND span = ? AND span_key >= ? AND span_key <= ?"
            + " GROUP BY listener_id, kind, artist, name";

    private Rollups() {}

    /**
     * Notes, in the writer's transaction, that the months of plays written in [from, to] changed: a row of its own,
     * so a writer never waits for a rebuild in progress. {@link RollupBuilder} rebuilds them soon after.
     */
    static void markDirty(Connection connection, String listenerId, Instant from, Instant to) throws SQLException {
        try (PreparedStatement mark = connection.prepareStatement(
                "INSERT INTO listening_dirty (listener_id, from_month, to_month) VALUES (?, ?, ?)")) {
            mark.setString(1, listenerId);
            mark.setInt(2, monthKey(month(from)));
            mark.setInt(3, monthKey(month(to)));
            mark.executeUpdate();
        }
    }

    /**
     * Rebuilds at once everything plays written in [from, to] can have changed: their months (totals and hours),
     * then the years of those months and all time.
     */
    public static void rebuild(Connection connection, String listenerId, Instant from, Instant to) throws SQLException {
        YearMonth first = month(from);
        YearMonth last = month(to);
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            rebuildMonth(connection, listenerId, month);
        }
        rebuildYears(connection, listenerId, first.getYear(), last.getYear());
    }

    /** Rebuilds every rollup of the listener from their first play to their last. */
    static void rebuildEverything(Connection connection, String listenerId) throws SQLException {
        Instant first;
        Instant last;
        try (PreparedStatement span = connection.prepareStatement(
                "SELECT MIN(ended_at), MAX(ended_at) FROM play WHERE listener_id = ? AND kind = 'track'")) {
            span.setString(1, listenerId);
            try (ResultSet rows = span.executeQuery()) {
                rows.next();
                first = SqlTime.read(rows, 1);
                last = SqlTime.read(rows, 2);
            }
        }
        lock(connection, listenerId);
        delete(connection, "DELETE FROM listening_total WHERE listener_id = ?", listenerId);
        delete(connection, "DELETE FROM listening_hour WHERE listener_id = ?", listenerId);
        if (first != null) {
            rebuild(connection, listenerId, first, last);
        }
    }

    /** Forgets every rollup of the listener (with their plays, S30). */
    static void forget(Connection connection, String listenerId) throws SQLException {
        delete(connection, "DELETE FROM listening_total WHERE listener_id = ?", listenerId);
        delete(connection, "DELETE FROM listening_hour WHERE listener_id = ?", listenerId);
        delete(connection, "DELETE FROM listening_dirty WHERE listener_id = ?", listenerId);
        delete(connection, "DELETE FROM listening_rollup WHERE listener_id = ?", listenerId);
    }

    /** The month of UTC an instant lies in. */
    static YearMonth month(Instant instant) {
        return YearMonth.from(instant.atZone(ZoneOffset.UTC));
    }

    /** The month a key names. */
    static YearMonth monthOf(int key) {
        return YearMonth.of(key / 100, key % 100);
    }

    /** How a month is keyed: 202503 for March 2025. */
    public static int monthKey(YearMonth month) {
        return month.getYear() * 100 + month.getMonthValue();
    }

    /** The first instant of a month of UTC. */
    public static Instant startOf(YearMonth month) {
        return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /*
     * Takes the listener's rollup lock: the row is created on first use, then locked until this transaction ends,
     * so two rebuilds of one listener (two replicas, or a test and the builder) run one after the other.
     */
    private static void lock(Connection connection, String listenerId) throws SQLException {
        try (PreparedStatement create = connection.prepareStatement(
                "INSERT INTO listening_rollup (listener_id) VALUES (?) ON CONFLICT DO NOTHING")) {
            create.setString(1, listenerId);
            create.executeUpdate();
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT listener_id FROM listening_rollup WHERE listener_id = ? FOR UPDATE")) {
            select.setString(1, listenerId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
            }
        }
    }

    /** One month's totals and hours, from its plays. */
    static void rebuildMonth(Connection connection, String listenerId, YearMonth month) throws SQLException {
        lock(connection, listenerId);
        int key = monthKey(month);
        Instant start = startOf(month);
        Instant end = startOf(month.plusMonths(1));
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM listening_total WHERE listener_id = ? AND span = 'month' AND span_key = ?")) {
            delete.setString(1, listenerId);
            delete.setInt(2, key);
            delete.executeUpdate();
        }
        for (String insert : new String[] {MONTH_TRACKS, MONTH_ARTISTS, MONTH_ALBUMS}) {
            try (PreparedStatement statement = connection.prepareStatement(insert)) {
                statement.setString(1, listenerId);
                statement.setInt(2, key);
                statement.setString(3, listenerId);
                statement.setObject(4, SqlTime.of(start));
                statement.setObject(5, SqlTime.of(end));
                statement.executeUpdate();
            }
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM listening_hour WHERE listener_id = ? AND epoch_hour >= ? AND epoch_hour < ?")) {
            delete.setString(1, listenerId);
            delete.setLong(2, start.getEpochSecond() / 3600);
            delete.setLong(3, end.getEpochSecond() / 3600);
            delete.executeUpdate();
        }
        try (PreparedStatement hours = connection.prepareStatement(MONTH_HOURS)) {
            hours.setString(1, listenerId);
            hours.setString(2, listenerId);
            hours.setObject(3, SqlTime.of(start));
            hours.setObject(4, SqlTime.of(end));
            hours.executeUpdate();
        }
    }

    /** Years [fromYear, toYear] from their months, then all time from the years. */
    static void rebuildYears(Connection connection, String listenerId, int fromYear, int toYear) throws SQLException {
        lock(connection, listenerId);
        for (int year = fromYear; year <= toYear; year++) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM listening_total WHERE listener_id = ? AND span = 'year' AND span_key = ?")) {
                delete.setString(1, listenerId);
                delete.setInt(2, year);
                delete.executeUpdate();
            }
            sumUp(connection, listenerId, YEAR, year, MONTH, year * 100 + 1, year * 100 + 12);
        }
        delete(connection, "DELETE FROM listening_total WHERE listener_id = ? AND span = 'all'", listenerId);
        sumUp(connection, listenerId, ALL, ALL_TIME, YEAR, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    private static void sumUp(
            Connection connection, String listenerId, String span, int key, String from, int fromKey, int toKey)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(SUM_UP)) {
            insert.setString(1, span);
            insert.setInt(2, key);
            insert.setString(3, listenerId);
            insert.setString(4, from);
            insert.setInt(5, fromKey);
            insert.setInt(6, toKey);
            insert.executeUpdate();
        }
    }

    private static void delete(Connection connection, String statement, String listenerId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(statement)) {
            delete.setString(1, listenerId);
            delete.executeUpdate();
        }
    }
}
