package dev.earshot.figures;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Whether a listener's rollups can be read: they exist and no month of theirs waits to be rebuilt. Otherwise the
 * figures read table {@code play} itself (right, but slower), until {@code history.RollupBuilder} is done.
 */
record RollupState(boolean built, boolean dirty) {

    static RollupState of(Connection connection, String listenerId) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("SELECT (SELECT COUNT(*) FROM listening_rollup WHERE listener_id = ?),"
                        + " (SELECT COUNT(*) FROM listening_dirty WHERE listener_id = ?)")) {
            select.setString(1, listenerId);
            select.setString(2, listenerId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return new RollupState(rows.getLong(1) > 0, rows.getLong(2) > 0);
            }
        }
    }

    /** The rollups are there and up to date. */
    boolean usable() {
        return built && !dirty;
    }
}
