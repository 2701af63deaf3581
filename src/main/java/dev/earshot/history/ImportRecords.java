package dev.earshot.history;

import dev.earshot.database.Database;
import dev.earshot.database.SqlTime;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The {@code history_import} table: one record per imported file, written in the file's own transaction. */
@ApplicationScoped
public class ImportRecords {

    /** How many past imports the page lists. */
    static final int LISTED = 50;

    private final Database database;

    ImportRecords(Database database) {
        this.database = database;
    }

    /** Starts the record of a file (counts follow in {@link #finish}); its id marks the file's rows in {@code play}. */
    static long start(Connection connection, String listenerId, String fileName, ExportFileKind kind, Instant now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO history_import (listener_id, file_name, kind, rows_read, imported, duplicates, skipped,"
                        + " plays, ms_played, imported_at) VALUES (?, ?, ?, 0, 0, 0, 0, 0, 0, ?)",
                new String[] {"id"})) {
            insert.setString(1, listenerId);
            insert.setString(2, fileName);
            insert.setString(3, kind.label);
            insert.setObject(4, SqlTime.of(now));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    static void finish(Connection connection, long importId, ImportCounts counts) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE history_import SET rows_read = ?, imported = ?, duplicates = ?, skipped = ?, plays = ?,"
                        + " ms_played = ? WHERE id = ?")) {
            update.setLong(1, counts.rows());
            update.setLong(2, counts.imported());
            update.setLong(3, counts.duplicates());
            update.setLong(4, counts.skipped());
            update.setLong(5, counts.plays());
            update.setLong(6, counts.msPlayed());
            update.setLong(7, importId);
            update.executeUpdate();
        }
    }

    /** The listener's latest imports, newest first. */
    public List<PastImport> latest(String listenerId) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT file_name, kind, imported_at, rows_read, imported, duplicates, skipped, plays, ms_played"
                            + " FROM history_import WHERE listener_id = ? ORDER BY imported_at DESC, id DESC"
                            + " LIMIT " + LISTED)) {
                select.setString(1, listenerId);
                List<PastImport> found = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(new PastImport(
                                rows.getString(1),
                                rows.getString(2),
                                SqlTime.read(rows, 3),
                                new ImportCounts(
                                        rows.getLong(4),
                                        rows.getLong(5),
                                        rows.getLong(6),
                                        rows.getLong(7),
                                        rows.getLong(8),
                                        rows.getLong(9))));
                    }
                }
                return found;
            }
        });
    }
}
