package dev.earshot.history;

import dev.earshot.database.Database;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Forgets everything Earshot holds about one listener's listening (S30), in one transaction: either all of it
 * goes or none of it. Whatever keeps listener data adds its line to {@link #forget}.
 */
@ApplicationScoped
public class ListenerHistoryEraser {

    /** What was forgotten: how many streams (plays and shorter ones). */
    public record Forgotten(long streams) {}

    private final Database database;

    ListenerHistoryEraser(Database database) {
        this.database = database;
    }

    public Forgotten forget(String listenerId) {
        return database.inTransaction(connection -> {
            long streams = delete(connection, "DELETE FROM play WHERE listener_id = ?", listenerId);
            // One line per table that keeps listener data, in this transaction:
            // history_import (the import records), the recording state, and the held refresh token
            // (auth.HeldTokens.release("recorder:" + listenerId)) are wired here when they exist.
            return new Forgotten(streams);
        });
    }

    private static long delete(Connection connection, String statement, String listenerId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(statement)) {
            delete.setString(1, listenerId);
            return delete.executeUpdate();
        }
    }
}
