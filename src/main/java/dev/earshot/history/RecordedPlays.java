package dev.earshot.history;

import dev.earshot.database.Database;
import dev.earshot.database.SqlTime;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Writes what the recorder saw into table {@code play}, each stream once: recorded plays by their unique key
 * ({@code play_once}, {@code INSERT ... ON CONFLICT DO NOTHING}), skipping a play whose imported twin is already
 * there; episodes from the now-playing feed as one row per continuous listening, moved on at each sighting.
 */
@ApplicationScoped
class RecordedPlays {

    /** Sightings of the same episode this close together are one listening (a pause, a few missed polls). */
    static final Duration CONTINUOUS = Duration.ofMinutes(30);

    private static final String INSERT = "INSERT INTO play (listener_id, ended_at, ms_played, kind, uri, name, artist,"
            + " album, source, stream_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

    private final Database database;
    private final RollupBuilder rollups;

    RecordedPlays(Database database, RollupBuilder rollups) {
        this.database = database;
        this.rollups = rollups;
    }

    /** Stores the recorded plays of {@code listenerId}; answers how many were new. */
    int storeRecorded(String listenerId, List<PlayRow> plays) {
        int stored = storeRecordedPlays(listenerId, plays);
        if (stored > 0) {
            rollups.wake();
        }
        return stored;
    }

    private int storeRecordedPlays(String listenerId, List<PlayRow> plays) {
        return database.inTransaction(connection -> {
            int stored = 0;
            Instant earliest = null;
            Instant latest = null;
            for (PlayRow play : plays) {
                if (!hasImportedTwin(connection, listenerId, play) && insert(connection, listenerId, play) > 0) {
                    stored++;
                    earliest = earliest == null || play.endedAt().isBefore(earliest) ? play.endedAt() : earliest;
                    latest = latest == null || play.endedAt().isAfter(latest) ? play.endedAt() : latest;
                }
            }
            if (stored > 0) {
                Rollups.markDirty(connection, listenerId, earliest, latest);
            }
            return stored;
        });
    }

    /**
     * One sighting of an episode being played: extends the listening it continues (same episode, last seen within
     * {@link #CONTINUOUS}) to this sighting, or starts a new one. Answers true when a new row was stored.
     */
    boolean storeEpisodeSighting(String listenerId, PlayRow sighting) {
        return database.inTransaction(connection -> {
            // Two sightings of one listener can arrive together (two requests, two replicas): the second waits for
            // the first on the listener's recording row, then finds its row and moves it on instead of adding one.
            try (PreparedStatement lock =
                    connection.prepareStatement("SELECT listener_id FROM recording WHERE listener_id = ? FOR UPDATE")) {
                lock.setString(1, listenerId);
                lock.executeQuery().close();
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE play SET ended_at = ?, ms_played = ?"
                    + " WHERE id = (SELECT MAX(id) FROM play WHERE listener_id = ? AND source = ? AND uri = ?"
                    + " AND ended_at >= ? AND ended_at <= ?)")) {
                update.setObject(1, SqlTime.of(sighting.endedAt()));
                update.setLong(2, sighting.msPlayed());
                update.setString(3, listenerId);
                update.setString(4, PlayRow.Source.NOW_PLAYING.column);
                update.setString(5, sighting.uri());
                update.setObject(6, SqlTime.of(sighting.endedAt().minus(CONTINUOUS)));
                update.setObject(7, SqlTime.of(sighting.endedAt()));
                if (update.executeUpdate() > 0) {
                    return false;
                }
            }
            return insert(connection, listenerId, sighting) > 0;
        });
    }

    /** The export's Extended row of the same stream: same track, ends within {@link PlayRow#TWIN_WINDOW}. */
    private static boolean hasImportedTwin(Connection connection, String listenerId, PlayRow play) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM play WHERE listener_id = ?"
                + " AND uri = ? AND source = ? AND ended_at >= ? AND ended_at <= ? FETCH FIRST 1 ROWS ONLY")) {
            select.setString(1, listenerId);
            select.setString(2, play.uri());
            select.setString(3, PlayRow.Source.EXTENDED.column);
            select.setObject(4, SqlTime.of(play.endedAt().minus(PlayRow.TWIN_WINDOW)));
            select.setObject(5, SqlTime.of(play.endedAt().plus(PlayRow.TWIN_WINDOW)));
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static int insert(Connection connection, String listenerId, PlayRow play) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, listenerId);
            insert.setObject(2, SqlTime.of(play.endedAt()));
            insert.setLong(3, play.msPlayed());
            insert.setString(4, play.kind().column);
            insert.setString(5, play.uri());
            insert.setString(6, play.name());
            insert.setString(7, play.artist());
            insert.setString(8, play.album());
            insert.setString(9, play.source().column);
            insert.setString(10, play.streamKey());
            return insert.executeUpdate();
        }
    }
}
