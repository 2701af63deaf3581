package dev.earshot.history;

import dev.earshot.database.Database;
import dev.earshot.database.SqlTime;
import dev.earshot.history.HistorySummary.ArtistTotal;
import dev.earshot.history.HistorySummary.EpisodeTotal;
import dev.earshot.history.HistorySummary.TrackTotal;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a listener's plays back: the summary of a period and every stream for the export. Shared by the API
 * and the history pages; it reads only the database, never Spotify.
 */
@ApplicationScoped
public class HistoryQueries {

    /** Streams a PostgreSQL cursor hands over at a time: the export never holds the whole history in memory. */
    static final int EXPORT_FETCH_SIZE = 1000;

    /*
     * One pass over the period through play_by_listener_and_time: one row per (kind, artist, name), so the
     * result has as many rows as distinct items were streamed, never one per stream. Totals, distinct counts
     * and both top lists are then worked out from these groups, and ties are broken in Java: H2 and PostgreSQL
     * (whose order depends on the server's collation) would otherwise rank equal names differently.
     */
    private static final String GROUPS = "SELECT kind, artist, name, MAX(uri),"
            + " SUM(CASE WHEN ms_played >= ? THEN 1 ELSE 0 END), SUM(ms_played)"
            + " FROM play WHERE listener_id = ? AND ended_at >= ? AND ended_at < ?"
            + " GROUP BY kind, artist, name";

    /*
     * Ordered by listener_id too, although it is fixed: only then does H2 see that play_by_listener_and_time
     * already gives the order ("index sorted"), and need not sort a million rows before handing over the first.
     */
    private static final String EVERY_STREAM = "SELECT ended_at, ms_played, kind, uri, name, artist, album, source"
            + " FROM play WHERE listener_id = ? ORDER BY listener_id, ended_at";

    /*
     * PostgreSQL only, for this transaction: room to group a history's tens of thousands of items in memory
     * (the default 4 MB spills them to disk), and a plan made for these bounds, not a generic one made for any
     * (the JDBC driver prepares a statement on the server from its fifth use on, and a generic plan of a
     * whole-history query scanned the index instead of the table).
     */
    private static final List<String> POSTGRESQL_SUMMARY_SETTINGS =
            List.of("SET LOCAL work_mem = '32MB'", "SET LOCAL plan_cache_mode = force_custom_plan");

    /* H2 only: hand over rows as they are read instead of first collecting the whole result. */
    private static final String H2_LAZY = "SET LAZY_QUERY_EXECUTION ";

    /** Bounds of an open-ended period: before and after any stream Spotify can have recorded. */
    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

    private static final Instant LATEST = Instant.parse("9999-01-01T00:00:00Z");

    /** Most plays first, then most time, then by name (case aside first), then by artist. */
    static final Comparator<Item> RANKING = Comparator.comparingLong(Item::plays)
            .thenComparingLong(Item::msPlayed)
            .reversed()
            .thenComparing(Item::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(Item::name)
            .thenComparing(Item::artist, Comparator.nullsFirst(String.CASE_INSENSITIVE_ORDER))
            .thenComparing(Item::artist, Comparator.nullsFirst(Comparator.naturalOrder()));

    /** Receives the streams of the export one at a time. */
    @FunctionalInterface
    public interface StreamSink {
        void accept(StoredStream stream) throws IOException;
    }

    private final Database database;

    HistoryQueries(Database database) {
        this.database = database;
    }

    /** The listener's listening in {@code period}, with up to {@code limit} top artists and tracks. */
    public HistorySummary summary(String listenerId, HistoryPeriod period, int limit) {
        Instant start = period.start() == null ? EARLIEST : period.start();
        Instant end = period.end() == null ? LATEST : period.end();
        boolean postgresql = database.isPostgreSQL();
        Tally tally = database.inTransaction(connection -> {
            if (postgresql) {
                for (String setting : POSTGRESQL_SUMMARY_SETTINGS) {
                    execute(connection, setting);
                }
            }
            return tally(connection, listenerId, start, end);
        });
        return new HistorySummary(
                period.from() == null ? null : period.from().toString(),
                period.to() == null ? null : period.to().toString(),
                period.zone().getId(),
                tally.plays,
                tally.msPlayed,
                tally.tracks.stream().filter(Item::played).count(),
                tally.artists.values().stream().filter(Item::played).count(),
                top(tally.artists.values(), limit).stream()
                        .map(artist -> new ArtistTotal(artist.name(), artist.plays(), artist.msPlayed()))
                        .toList(),
                top(tally.tracks, limit).stream()
                        .map(track -> new TrackTotal(
                                track.name(), track.artist(), track.uri(), track.plays(), track.msPlayed()))
                        .toList(),
                new EpisodeTotal(tally.episodePlays, tally.episodeMs));
    }

    /**
     * Hands every stream of the listener to {@code sink}, oldest first, without holding them all: rows come
     * from the database in batches while the sink writes them out. Returns how many there were.
     */
    public long forEachStream(String listenerId, StreamSink sink) throws IOException {
        boolean h2 = !database.isPostgreSQL();
        try {
            return database.inTransaction(connection -> {
                if (h2) {
                    execute(connection, H2_LAZY + "TRUE");
                }
                try (PreparedStatement select = connection.prepareStatement(EVERY_STREAM)) {
                    // PostgreSQL streams with a cursor only inside a transaction and with a fetch size;
                    // H2 keeps large results in a temporary file rather than in memory.
                    select.setFetchSize(EXPORT_FETCH_SIZE);
                    select.setString(1, listenerId);
                    long count = 0;
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            sink.accept(new StoredStream(
                                    SqlTime.read(rows, 1),
                                    rows.getLong(2),
                                    rows.getString(3),
                                    rows.getString(4),
                                    rows.getString(5),
                                    rows.getString(6),
                                    rows.getString(7),
                                    rows.getString(8)));
                            count++;
                        }
                    }
                    return count;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    if (h2) {
                        // The connection goes back to the pool: the next user expects H2's default.
                        execute(connection, H2_LAZY + "FALSE");
                    }
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Tally tally(Connection connection, String listenerId, Instant start, Instant end)
            throws SQLException {
        Tally tally = new Tally();
        try (PreparedStatement select = connection.prepareStatement(GROUPS)) {
            select.setLong(1, PlayRow.PLAY_THRESHOLD_MS);
            select.setString(2, listenerId);
            select.setObject(3, SqlTime.of(start));
            select.setObject(4, SqlTime.of(end));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    tally.add(
                            rows.getString(1),
                            rows.getString(2),
                            rows.getString(3),
                            rows.getString(4),
                            rows.getLong(5),
                            rows.getLong(6));
                }
            }
        }
        return tally;
    }

    private static void execute(Connection connection, String statement) throws SQLException {
        try (Statement setting = connection.createStatement()) {
            setting.execute(statement);
        }
    }

    private static List<Item> top(Collection<Item> items, int limit) {
        return items.stream().filter(Item::played).sorted(RANKING).limit(limit).toList();
    }

    /** A track or an artist being ranked. */
    record Item(String name, String artist, String uri, long plays, long msPlayed) {

        boolean played() {
            return plays > 0;
        }

        Item plus(long morePlays, long moreMs) {
            return new Item(name, artist, uri, plays + morePlays, msPlayed + moreMs);
        }
    }

    /** The groups of one period added up: music by track and by artist, episodes all together. */
    private static final class Tally {
        final List<Item> tracks = new ArrayList<>();
        final Map<String, Item> artists = new HashMap<>();
        long plays;
        long msPlayed;
        long episodePlays;
        long episodeMs;

        void add(String kind, String artist, String name, String uri, long groupPlays, long groupMs) {
            if (Objects.equals(kind, PlayRow.Kind.EPISODE.column)) {
                episodePlays += groupPlays;
                episodeMs += groupMs;
                return;
            }
            if (!Objects.equals(kind, PlayRow.Kind.TRACK.column)) {
                return;
            }
            plays += groupPlays;
            msPlayed += groupMs;
            tracks.add(new Item(name, artist, uri, groupPlays, groupMs));
            if (artist != null) {
                // An artist's time counts every stream of theirs; whether they rank depends on plays alone.
                artists.merge(
                        artist,
                        new Item(artist, null, null, groupPlays, groupMs),
                        (known, more) -> known.plus(more.plays(), more.msPlayed()));
            }
        }
    }
}
