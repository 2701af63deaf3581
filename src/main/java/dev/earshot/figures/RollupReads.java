package dev.earshot.figures;

import dev.earshot.database.SqlTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Reads of one rollup span through its indexes: its best lines, how many were played, the lines of given keys. */
final class RollupReads {

    private static final String COLUMNS = "kind, artist, name, plays, ms_played, first_play, last_play";

    /*
     * listening_total_by_rank hands the lines over best first, so only the first few are read. The ORDER BY names
     * the index's leading columns too: only then does H2 see that the index already gives the order. WITH TIES
     * keeps every line as good as the last one asked for, so ties are broken by name in Java, the same on both.
     */
    private static final String BEST = "SELECT " + COLUMNS + " FROM listening_total"
            + " WHERE listener_id = ? AND span = ? AND span_key = ? AND kind = ? AND plays > 0"
            + " ORDER BY listener_id, span, span_key, kind, plays DESC, ms_played DESC FETCH FIRST ? ROWS WITH TIES";

    private static final String PLAYED = "SELECT COUNT(*) FROM listening_total"
            + " WHERE listener_id = ? AND span = ? AND span_key = ? AND kind = ? AND plays > 0";

    /** Artists looked up in one statement, well below any database's limit of parameters. */
    private static final int ARTISTS_PER_QUERY = 200;

    private static final String WITHOUT_ARTIST = "SELECT " + COLUMNS + " FROM listening_total"
            + " WHERE listener_id = ? AND span = ? AND artist_prefix IS NULL AND span_key = ?";

    private RollupReads() {}

    /** The best {@code count} played lines of {@code kind} in the span (more when the last ones tie). */
    static List<EntityTotal> best(Connection connection, String listenerId, RollupSpan span, EntityKind kind, int count)
            throws SQLException {
        List<EntityTotal> best = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(BEST)) {
            select.setString(1, listenerId);
            select.setString(2, span.span());
            select.setInt(3, span.key());
            select.setString(4, kind.column);
            select.setInt(5, Math.max(1, count));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    best.add(line(rows));
                }
            }
        }
        return best;
    }

    /** How many lines of {@code kind} were played (30 s or more) in the span. */
    static long countPlayed(Connection connection, String listenerId, RollupSpan span, EntityKind kind)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(PLAYED)) {
            select.setString(1, listenerId);
            select.setString(2, span.span());
            select.setInt(3, span.key());
            select.setString(4, kind.column);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The span's lines of the given keys, found by their artists in one query (an IN list on the artist index). */
    static Map<EntityTotal.Key, EntityTotal> lines(
            Connection connection,
            String listenerId,
            RollupSpan span,
            Collection<EntityTotal.Key> keys,
            ArtistPrefix prefix)
            throws SQLException {
        Map<EntityTotal.Key, EntityTotal> found = new HashMap<>();
        Set<String> artists = new HashSet<>();
        boolean withoutArtist = false;
        for (EntityTotal.Key key : keys) {
            String artist = key.kind() == EntityKind.ARTIST ? key.name() : key.artist();
            if (artist == null) {
                withoutArtist = true;
            } else {
                artists.add(artist);
            }
        }
        List<String> list = new ArrayList<>(artists);
        // PostgreSQL finds an IN list of artists through the artist index in one statement. H2 does not (it reads
        // every line of the span, 0.7 s for a year of a million plays), but finds one artist at a time at once,
        // and runs in this process, so many small statements cost it little.
        int perQuery = prefix == ArtistPrefix.UTF16_UNITS ? 1 : ARTISTS_PER_QUERY;
        for (int from = 0; from < list.size(); from += perQuery) {
            List<String> some = list.subList(from, Math.min(list.size(), from + perQuery));
            StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM listening_total"
                    + " WHERE listener_id = ? AND span = ? AND span_key = ? AND artist_prefix");
            if (some.size() == 1) {
                sql.append(" = ?");
            } else {
                sql.append(" IN (?").append(", ?".repeat(some.size() - 1)).append(')');
            }
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                select.setString(1, listenerId);
                select.setString(2, span.span());
                select.setInt(3, span.key());
                for (int i = 0; i < some.size(); i++) {
                    select.setString(4 + i, prefix.of(some.get(i)));
                }
                collect(select, keys, found);
            }
        }
        if (withoutArtist) {
            try (PreparedStatement select = connection.prepareStatement(WITHOUT_ARTIST)) {
                select.setString(1, listenerId);
                select.setString(2, span.span());
                select.setInt(3, span.key());
                collect(select, keys, found);
            }
        }
        return found;
    }

    /** Plays and listening time of the hours [start, end) of UTC, both whole hours. */
    static long[] hourSums(Connection connection, String listenerId, Instant start, Instant end) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT COALESCE(SUM(plays), 0),"
                + " COALESCE(SUM(ms_played), 0) FROM listening_hour"
                + " WHERE listener_id = ? AND epoch_hour >= ? AND epoch_hour < ?")) {
            select.setString(1, listenerId);
            select.setLong(2, HourCell.epochHourOf(start));
            select.setLong(3, HourCell.epochHourOf(end));
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return new long[] {rows.getLong(1), rows.getLong(2)};
            }
        }
    }

    /** The first (or last) hour of UTC with music, read off the hours' primary key; null when there is none. */
    static Long edgeHour(Connection connection, String listenerId, boolean first) throws SQLException {
        String order = first ? "listener_id, epoch_hour" : "listener_id DESC, epoch_hour DESC";
        try (PreparedStatement select = connection.prepareStatement("SELECT epoch_hour FROM listening_hour"
                + " WHERE listener_id = ? ORDER BY " + order + " FETCH FIRST 1 ROWS ONLY")) {
            select.setString(1, listenerId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : null;
            }
        }
    }

    private static void collect(
            PreparedStatement select, Collection<EntityTotal.Key> keys, Map<EntityTotal.Key, EntityTotal> found)
            throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                EntityTotal line = line(rows);
                if (keys.contains(line.key())) {
                    found.put(line.key(), line);
                }
            }
        }
    }

    /** A rollup line as a total; an artist's own line carries no artist, as everywhere in the figures. */
    static EntityTotal line(ResultSet rows) throws SQLException {
        EntityKind kind = EntityKind.ofColumn(rows.getString(1));
        return new EntityTotal(
                kind,
                kind == EntityKind.ARTIST ? null : rows.getString(2),
                Objects.requireNonNull(rows.getString(3)),
                rows.getLong(4),
                rows.getLong(5),
                SqlTime.read(rows, 6),
                SqlTime.read(rows, 7));
    }
}
