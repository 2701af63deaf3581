package dev.earshot.figures;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Whether a listener's rollups exist, and which years' rows lag behind their months (an import still adding up):
 * readers then add up those months, or read table {@code play} when there are no rollups at all.
 */
record RollupState(boolean exists, int staleFromYear, int staleToYear) {

    private static final RollupState NONE = new RollupState(false, 0, -1);

    static RollupState of(Connection connection, String listenerId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT stale_from_year, stale_to_year FROM listening_rollup WHERE listener_id = ?")) {
            select.setString(1, listenerId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return NONE;
                }
                int from = rows.getInt(1);
                return rows.wasNull() ? new RollupState(true, 0, -1) : new RollupState(true, from, rows.getInt(2));
            }
        }
    }

    /** Rollups exist and every year and all time is up to date. */
    boolean current() {
        return exists && staleFromYear > staleToYear;
    }

    boolean lags(int year) {
        return year >= staleFromYear && year <= staleToYear;
    }

    boolean lagsWithin(int fromYear, int toYear) {
        return staleFromYear <= staleToYear && staleFromYear <= toYear && staleToYear >= fromYear;
    }
}
