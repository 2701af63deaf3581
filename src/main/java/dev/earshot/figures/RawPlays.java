package dev.earshot.figures;

import dev.earshot.database.SqlTime;
import dev.earshot.history.PlayRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Figures read straight from table {@code play}: exact for any stretch of time, and fast for short ones (a week,
 * the few hours at the edges of a period that the rollups do not line up with).
 */
final class RawPlays {

    private static final String PLAY = "ms_played >= " + PlayRow.PLAY_THRESHOLD_MS;

    private static final String GROUPS = "SELECT artist, name, album, SUM(CASE WHEN " + PLAY + " THEN 1 ELSE 0 END),"
            + " SUM(ms_played), MIN(CASE WHEN " + PLAY + " THEN ended_at END), MAX(CASE WHEN " + PLAY
            + " THEN ended_at END) FROM play WHERE listener_id = ? AND kind = 'track' AND ended_at >= ?"
            + " AND ended_at < ? GROUP BY artist, name, album";

    private static final String STREAMS = "SELECT ended_at, ms_played FROM play"
            + " WHERE listener_id = ? AND kind = 'track' AND ended_at >= ? AND ended_at < ?";

    private RawPlays() {}

    /** Every track, artist and album streamed in [start, end), added up. */
    static List<EntityTotal> totals(Connection connection, String listenerId, Instant start, Instant end)
            throws SQLException {
        Map<EntityTotal.Key, EntityTotal> totals = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(GROUPS)) {
            bind(select, listenerId, start, end);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String artist = rows.getString(1);
                    String name = rows.getString(2);
                    String album = rows.getString(3);
                    long plays = rows.getLong(4);
                    long ms = rows.getLong(5);
                    Instant first = SqlTime.read(rows, 6);
                    Instant last = SqlTime.read(rows, 7);
                    add(totals, new EntityTotal(EntityKind.TRACK, artist, name, plays, ms, first, last));
                    if (artist != null) {
                        add(totals, new EntityTotal(EntityKind.ARTIST, null, artist, plays, ms, first, last));
                    }
                    if (album != null) {
                        add(totals, new EntityTotal(EntityKind.ALBUM, artist, album, plays, ms, first, last));
                    }
                }
            }
        }
        return new ArrayList<>(totals.values());
    }

    /** The hours of UTC in which tracks were streamed in [start, end). */
    static List<HourCell> hours(Connection connection, String listenerId, Instant start, Instant end)
            throws SQLException {
        Map<Long, long[]> hours = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(STREAMS)) {
            bind(select, listenerId, start, end);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long ms = rows.getLong(2);
                    long[] cell =
                            hours.computeIfAbsent(HourCell.epochHourOf(SqlTime.read(rows, 1)), hour -> new long[2]);
                    cell[0] += ms >= PlayRow.PLAY_THRESHOLD_MS ? 1 : 0;
                    cell[1] += ms;
                }
            }
        }
        List<HourCell> cells = new ArrayList<>(hours.size());
        hours.forEach((hour, cell) -> cells.add(new HourCell(hour, cell[0], cell[1])));
        cells.sort(Comparator.comparingLong(HourCell::epochHour));
        return cells;
    }

    /** One artist's plays per month of UTC, oldest first. */
    static List<MonthTotal> artistMonths(Connection connection, String listenerId, String artist) throws SQLException {
        TreeMap<YearMonth, long[]> months = new TreeMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT ended_at, ms_played FROM play" + " WHERE listener_id = ? AND kind = 'track' AND artist = ?")) {
            select.setString(1, listenerId);
            select.setString(2, artist);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    YearMonth month = YearMonth.from(SqlTime.read(rows, 1).atZone(ZoneOffset.UTC));
                    long ms = rows.getLong(2);
                    long[] cell = months.computeIfAbsent(month, any -> new long[2]);
                    cell[0] += ms >= PlayRow.PLAY_THRESHOLD_MS ? 1 : 0;
                    cell[1] += ms;
                }
            }
        }
        return months.entrySet().stream()
                .map(entry -> new MonthTotal(entry.getKey(), entry.getValue()[0], entry.getValue()[1]))
                .toList();
    }

    static void add(Map<EntityTotal.Key, EntityTotal> totals, EntityTotal total) {
        totals.merge(total.key(), total, EntityTotal::plus);
    }

    private static void bind(PreparedStatement select, String listenerId, Instant start, Instant end)
            throws SQLException {
        select.setString(1, listenerId);
        select.setObject(2, SqlTime.of(start));
        select.setObject(3, SqlTime.of(end));
    }
}
