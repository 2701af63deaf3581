package dev.earshot.history;

import dev.earshot.auth.HeldTokens;
import dev.earshot.database.Database;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Forgets everything Earshot holds about one listener's listening (S30): first the refresh token held for
 * recording (the most sensitive piece, and recording stops with it), then in one transaction the plays, the
 * import records and the recording state — either all of those go or none. Whatever keeps listener data adds
 * its line to {@link #forget}. Forgetting twice is harmless, so a failed attempt is simply repeated.
 */
@ApplicationScoped
public class ListenerHistoryEraser {

    /** What was forgotten: how many streams (plays and shorter ones). */
    public record Forgotten(long streams) {}

    private final Database database;
    private final HeldTokens heldTokens;

    ListenerHistoryEraser(Database database, HeldTokens heldTokens) {
        this.database = database;
        this.heldTokens = heldTokens;
    }

    public Forgotten forget(String listenerId) {
        heldTokens.release(Recording.holder(listenerId));
        return database.inTransaction(connection -> {
            // The recording state first: a recorder round that reads it after this commit finds nobody to poll.
            delete(connection, "DELETE FROM recording WHERE listener_id = ?", listenerId);
            delete(connection, "DELETE FROM history_import WHERE listener_id = ?", listenerId);
            delete(connection, "DELETE FROM share_link WHERE listener_id = ?", listenerId);
            Rollups.forget(connection, listenerId);
            long streams = delete(connection, "DELETE FROM play WHERE listener_id = ?", listenerId);
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
