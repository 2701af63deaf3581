package dev.earshot.history;

import dev.earshot.database.SqlTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * After an Extended file is written: the streams Earshot held already in a poorer form — an Account-data row
 * (same end minute, names and ms played; no URI) or a recorded play of the same track ending within
 * {@link PlayRow#TWIN_WINDOW} (the export has the true ms played) — are removed, so each stream counts once and
 * the Extended row is the one kept.
 */
final class ExtendedTwins {

    private static final String ACCOUNT_TWINS = "SELECT a.id, x.ms_played FROM play a JOIN play x"
            + " ON x.listener_id = a.listener_id AND x.import_id = ? AND x.source = 'extended' AND x.kind = a.kind"
            + " AND x.ended_at >= a.ended_at AND x.ended_at < a.ended_at + INTERVAL '1' MINUTE"
            + " AND x.ms_played = a.ms_played AND x.name = a.name AND x.artist = a.artist"
            + " WHERE a.listener_id = ? AND a.source = 'account' AND a.ended_at >= ? AND a.ended_at <= ?";

    private static final long WINDOW_SECONDS = PlayRow.TWIN_WINDOW.toSeconds();

    private static final String RECORDED_TWINS = "SELECT r.id, x.ms_played FROM play r JOIN play x"
            + " ON x.listener_id = r.listener_id AND x.import_id = ? AND x.source = 'extended' AND x.uri = r.uri"
            + " AND x.ended_at >= r.ended_at - INTERVAL '" + WINDOW_SECONDS + "' SECOND"
            + " AND x.ended_at <= r.ended_at + INTERVAL '" + WINDOW_SECONDS + "' SECOND"
            + " WHERE r.listener_id = ? AND r.source = 'recorded' AND r.ended_at >= ? AND r.ended_at <= ?";

    private ExtendedTwins() {}

    /** Removes the twins of the rows of {@code importId}, ending between {@code earliest} and {@code latest}. */
    static ImportCounts removeFor(
            Connection connection,
            String listenerId,
            long importId,
            Instant earliest,
            Instant latest,
            ImportCounts counts)
            throws SQLException {
        if (earliest == null) {
            return counts;
        }
        // Twin row id -> the ms played of the Extended row that replaces it (the count follows the kept row).
        Map<Long, Long> twins = new HashMap<>();
        find(connection, ACCOUNT_TWINS, listenerId, importId, earliest.minusSeconds(60), latest, twins);
        find(
                connection,
                RECORDED_TWINS,
                listenerId,
                importId,
                earliest.minus(PlayRow.TWIN_WINDOW),
                latest.plus(PlayRow.TWIN_WINDOW),
                twins);
        if (twins.isEmpty()) {
            return counts;
        }
        long plays = 0;
        long ms = 0;
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM play WHERE id = ?")) {
            int pending = 0;
            for (Map.Entry<Long, Long> twin : twins.entrySet()) {
                delete.setLong(1, twin.getKey());
                delete.addBatch();
                ms += twin.getValue();
                if (twin.getValue() >= PlayRow.PLAY_THRESHOLD_MS) {
                    plays++;
                }
                if (++pending == PlayBatchWriter.BATCH_SIZE) {
                    delete.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                delete.executeBatch();
            }
        }
        return counts.lessReplaced(twins.size(), plays, ms);
    }

    private static void find(
            Connection connection,
            String sql,
            String listenerId,
            long importId,
            Instant from,
            Instant to,
            Map<Long, Long> twins)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, importId);
            select.setString(2, listenerId);
            select.setObject(3, SqlTime.of(from));
            select.setObject(4, SqlTime.of(to));
            try (ResultSet found = select.executeQuery()) {
                while (found.next()) {
                    twins.putIfAbsent(found.getLong(1), found.getLong(2));
                }
            }
        }
    }
}
