package dev.earshot.figures;

import dev.earshot.database.Database;
import dev.earshot.database.SqlTime;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** The database side of the figures: totals and hours of a listener's music over any stretch of time. */
@ApplicationScoped
public class ListeningStore {

    /** Before and after any stream Spotify can have recorded. */
    static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

    static final Instant LATEST = Instant.parse("9999-01-01T00:00:00Z");

    private final Database database;

    ListeningStore(Database database) {
        this.database = database;
    }

    /** The first and last stream of a track, or empty when the listener has none. */
    public Optional<HistorySpan> span(String listenerId) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT MIN(ended_at), MAX(ended_at)" + " FROM play WHERE listener_id = ? AND kind = 'track'")) {
                select.setString(1, listenerId);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    Instant first = SqlTime.read(rows, 1);
                    return first == null
                            ? Optional.<HistorySpan>empty()
                            : Optional.of(new HistorySpan(first, SqlTime.read(rows, 2)));
                }
            }
        });
    }

    /** Every track, artist and album streamed in [start, end), added up. */
    public List<EntityTotal> totals(String listenerId, Instant start, Instant end) {
        return database.inTransaction(connection -> RawPlays.totals(connection, listenerId, start, end));
    }

    /** Every track, artist and album ever streamed, added up over the whole history. */
    public List<EntityTotal> allTime(String listenerId) {
        return totals(listenerId, EARLIEST, LATEST);
    }

    /** Every track, artist and album streamed in one calendar year of UTC. */
    public List<EntityTotal> year(String listenerId, int year) {
        return totals(
                listenerId,
                YearMonth.of(year, 1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                YearMonth.of(year + 1, 1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    /** One artist's plays per month of UTC, oldest first, months without plays left out. */
    public List<MonthTotal> artistMonths(String listenerId, String artist) {
        return database.inTransaction(connection -> {
            TreeMap<YearMonth, long[]> months = new TreeMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT ended_at, ms_played FROM play"
                    + " WHERE listener_id = ? AND kind = 'track' AND artist = ?")) {
                select.setString(1, listenerId);
                select.setString(2, artist);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        YearMonth month = YearMonth.from(SqlTime.read(rows, 1).atZone(ZoneOffset.UTC));
                        long ms = rows.getLong(2);
                        long[] cell = months.computeIfAbsent(month, any -> new long[2]);
                        cell[0] += ms >= dev.earshot.history.PlayRow.PLAY_THRESHOLD_MS ? 1 : 0;
                        cell[1] += ms;
                    }
                }
            }
            return months.entrySet().stream()
                    .map(entry -> new MonthTotal(entry.getKey(), entry.getValue()[0], entry.getValue()[1]))
                    .toList();
        });
    }

    /** The hours of UTC in which tracks were streamed in [start, end), oldest first. */
    public List<HourCell> hours(String listenerId, Instant start, Instant end) {
        return database.inTransaction(connection -> RawPlays.hours(connection, listenerId, start, end));
    }
}
