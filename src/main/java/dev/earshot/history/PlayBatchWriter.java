package dev.earshot.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Writes the rows of one imported file in JDBC batches on the file's own connection and transaction: a stream
 * already stored (its {@link PlayRow#streamKey()} under {@code play_once}) is left as it is and counted as a
 * duplicate, and so is an Account-data row whose Extended twin is stored (the Extended row has the URI).
 */
final class PlayBatchWriter implements ExportFileParser.Rows, AutoCloseable {

    /** Rows per JDBC batch: large enough to amortise the round trip, small enough to stay a few hundred KB. */
    static final int BATCH_SIZE = 1000;

    private static final String COLUMNS =
            "listener_id, ended_at, ms_played, kind, uri, name, artist, album, source, stream_key, import_id";

    private static final String INSERT =
            "INSERT INTO play (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

    /** An Account row goes in only when no Extended row has the same end minute, names and ms played. */
    private static final String INSERT_UNLESS_EXTENDED_TWIN = "INSERT INTO play (" + COLUMNS + ")"
            + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM play x"
            + " WHERE x.listener_id = ? AND x.ended_at >= ? AND x.ended_at < ? AND x.source = 'extended'"
            + " AND x.kind = ? AND x.ms_played = ? AND x.name = ? AND x.artist = ?) ON CONFLICT DO NOTHING";

    private final PreparedStatement insert;
    private final String listenerId;
    private final long importId;
    private final boolean accountData;
    private final long[] pendingMs = new long[BATCH_SIZE];
    private int pending;

    private long rows;
    private long imported;
    private long duplicates;
    private long skipped;
    private long plays;
    private long msPlayed;
    private Instant earliest;
    private Instant latest;

    PlayBatchWriter(Connection connection, String listenerId, long importId, boolean accountData) throws SQLException {
        this.insert = connection.prepareStatement(accountData ? INSERT_UNLESS_EXTENDED_TWIN : INSERT);
        this.listenerId = listenerId;
        this.importId = importId;
        this.accountData = accountData;
    }

    @Override
    public void row(PlayRow row) throws SQLException {
        rows++;
        OffsetDateTime endedAt = OffsetDateTime.ofInstant(row.endedAt(), ZoneOffset.UTC);
        insert.setString(1, listenerId);
        insert.setObject(2, endedAt);
        insert.setLong(3, row.msPlayed());
        insert.setString(4, row.kind().column);
        insert.setString(5, row.uri());
        insert.setString(6, row.name());
        if (row.artist() == null) {
            insert.setNull(7, Types.VARCHAR);
        } else {
            insert.setString(7, row.artist());
        }
        if (row.album() == null) {
            insert.setNull(8, Types.VARCHAR);
        } else {
            insert.setString(8, row.album());
        }
        insert.setString(9, row.source().column);
        insert.setString(10, row.streamKey());
        insert.setLong(11, importId);
        if (accountData) {
            // Account rows are at minute precision: the twin's exact end lies within that minute.
            insert.setString(12, listenerId);
            insert.setObject(13, endedAt);
            insert.setObject(14, endedAt.plusMinutes(1));
            insert.setString(15, row.kind().column);
            insert.setLong(16, row.msPlayed());
            insert.setString(17, row.name());
            insert.setString(18, row.artist());
        }
        insert.addBatch();
        pendingMs[pending++] = row.msPlayed();
        if (earliest == null || row.endedAt().isBefore(earliest)) {
            earliest = row.endedAt();
        }
        if (latest == null || row.endedAt().isAfter(latest)) {
            latest = row.endedAt();
        }
        if (pending == BATCH_SIZE) {
            flush();
        }
    }

    @Override
    public void skipped() {
        rows++;
        skipped++;
    }

    /** Sends the rows still pending. */
    void flush() throws SQLException {
        if (pending == 0) {
            return;
        }
        int[] counts = insert.executeBatch();
        for (int i = 0; i < pending; i++) {
            if (counts[i] > 0 || counts[i] == Statement.SUCCESS_NO_INFO) {
                imported++;
                msPlayed += pendingMs[i];
                if (pendingMs[i] >= PlayRow.PLAY_THRESHOLD_MS) {
                    plays++;
                }
            } else {
                duplicates++;
            }
        }
        pending = 0;
    }

    ImportCounts counts() {
        return new ImportCounts(rows, imported, duplicates, skipped, plays, msPlayed);
    }

    /** The earliest end among the rows written; null when there were none. */
    Instant earliest() {
        return earliest;
    }

    Instant latest() {
        return latest;
    }

    @Override
    public void close() throws SQLException {
        insert.close();
    }
}
