package dev.earshot.history;

import dev.earshot.database.SqlTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the rows of one imported file on the file's own connection and transaction, {@link #BATCH_SIZE} rows to a
 * statement: Extended rows as one multi-row {@code INSERT ... ON CONFLICT DO NOTHING} (one statement per batch is
 * what makes a million rows fast on both databases), Account rows as a JDBC batch of single inserts, each going in
 * only when no Extended twin is stored. A stream already stored (its {@link PlayRow#streamKey()} under
 * {@code play_once}) is left as it is and counted as a duplicate.
 */
final class PlayBatchWriter implements ExportFileParser.Rows, AutoCloseable {

    /** Rows per statement: 500 rows of 11 parameters stays far below PostgreSQL's 32,767 parameters. */
    static final int BATCH_SIZE = 500;

    private static final String COLUMNS =
            "listener_id, ended_at, ms_played, kind, uri, name, artist, album, source, stream_key, import_id";

    private static final String ROW_VALUES = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** An Account row goes in only when no Extended row has the same end minute, names and ms played. */
    private static final String INSERT_UNLESS_EXTENDED_TWIN = "INSERT INTO play (" + COLUMNS + ")"
            + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM play x"
            + " WHERE x.listener_id = ? AND x.ended_at >= ? AND x.ended_at < ? AND x.source = 'extended'"
            + " AND x.kind = ? AND x.ms_played = ? AND x.name = ? AND x.artist = ?) ON CONFLICT DO NOTHING";

    /** What this file's rows came to: the rows it stored carry its import id (a duplicate keeps its old one). */
    private static final String WRITTEN = "SELECT COUNT(*), COALESCE(SUM(CASE WHEN ms_played >= "
            + PlayRow.PLAY_THRESHOLD_MS + " THEN 1 ELSE 0 END), 0), COALESCE(SUM(ms_played), 0) FROM play"
            + " WHERE listener_id = ? AND ended_at >= ? AND ended_at <= ? AND import_id = ?";

    private final Connection connection;
    private final String listenerId;
    private final long importId;
    private final boolean accountData;
    private final List<PlayRow> pending = new ArrayList<>(BATCH_SIZE);
    private PreparedStatement fullBatch;

    private long rows;
    private long skipped;
    private Instant earliest;
    private Instant latest;

    PlayBatchWriter(Connection connection, String listenerId, long importId, boolean accountData) {
        this.connection = connection;
        this.listenerId = listenerId;
        this.importId = importId;
        this.accountData = accountData;
    }

    @Override
    public void row(PlayRow row) throws SQLException {
        rows++;
        pending.add(row);
        if (earliest == null || row.endedAt().isBefore(earliest)) {
            earliest = row.endedAt();
        }
        if (latest == null || row.endedAt().isAfter(latest)) {
            latest = row.endedAt();
        }
        if (pending.size() == BATCH_SIZE) {
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
        if (pending.isEmpty()) {
            return;
        }
        if (accountData) {
            insertAccountRows();
        } else if (pending.size() == BATCH_SIZE) {
            if (fullBatch == null) {
                fullBatch = connection.prepareStatement(multiRowInsert(BATCH_SIZE));
            }
            insertExtendedRows(fullBatch);
        } else {
            try (PreparedStatement lastBatch = connection.prepareStatement(multiRowInsert(pending.size()))) {
                insertExtendedRows(lastBatch);
            }
        }
        pending.clear();
    }

    private static String multiRowInsert(int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO play (" + COLUMNS + ") VALUES ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append(ROW_VALUES);
        }
        return sql.append(" ON CONFLICT DO NOTHING").toString();
    }

    private void insertExtendedRows(PreparedStatement insert) throws SQLException {
        int offset = 0;
        for (PlayRow row : pending) {
            bind(insert, offset, row);
            offset += 11;
        }
        insert.executeUpdate();
    }

    private void insertAccountRows() throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_UNLESS_EXTENDED_TWIN)) {
            for (PlayRow row : pending) {
                OffsetDateTime endedAt = bind(insert, 0, row);
                // Account rows are at minute precision: the twin's exact end lies within that minute.
                insert.setString(12, listenerId);
                insert.setObject(13, endedAt);
                insert.setObject(14, endedAt.plusMinutes(1));
                insert.setString(15, row.kind().column);
                insert.setLong(16, row.msPlayed());
                insert.setString(17, row.name());
                insert.setString(18, row.artist());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private OffsetDateTime bind(PreparedStatement insert, int offset, PlayRow row) throws SQLException {
        OffsetDateTime endedAt = SqlTime.of(row.endedAt());
        insert.setString(offset + 1, listenerId);
        insert.setObject(offset + 2, endedAt);
        insert.setLong(offset + 3, row.msPlayed());
        insert.setString(offset + 4, row.kind().column);
        nullable(insert, offset + 5, row.uri());
        insert.setString(offset + 6, row.name());
        nullable(insert, offset + 7, row.artist());
        nullable(insert, offset + 8, row.album());
        insert.setString(offset + 9, row.source().column);
        insert.setString(offset + 10, row.streamKey());
        insert.setLong(offset + 11, importId);
        return endedAt;
    }

    private static void nullable(PreparedStatement insert, int index, String value) throws SQLException {
        if (value == null) {
            insert.setNull(index, Types.VARCHAR);
        } else {
            insert.setString(index, value);
        }
    }

    /** The counts of the file once every row is flushed: what it stored, read back by its import id. */
    ImportCounts counts() throws SQLException {
        if (earliest == null) {
            return new ImportCounts(rows, 0, 0, skipped, 0, 0);
        }
        try (PreparedStatement select = connection.prepareStatement(WRITTEN)) {
            select.setString(1, listenerId);
            select.setObject(2, SqlTime.of(earliest));
            select.setObject(3, SqlTime.of(latest));
            select.setLong(4, importId);
            try (ResultSet written = select.executeQuery()) {
                written.next();
                long imported = written.getLong(1);
                return new ImportCounts(
                        rows, imported, rows - skipped - imported, skipped, written.getLong(2), written.getLong(3));
            }
        }
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
        if (fullBatch != null) {
            fullBatch.close();
        }
    }
}
