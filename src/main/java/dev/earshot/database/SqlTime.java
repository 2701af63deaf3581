package dev.earshot.database;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants to and from {@code TIMESTAMP WITH TIME ZONE} columns, alike on H2 and PostgreSQL: both drivers
 * take and give {@link OffsetDateTime} (not {@link Instant}), so every instant is bound and read as UTC. Null
 * stays null.
 */
public final class SqlTime {

    private SqlTime() {}

    /** The value to bind for {@code instant}. */
    public static OffsetDateTime of(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The instant in {@code column} of the current row, or null. */
    public static Instant read(ResultSet rows, int column) throws SQLException {
        return instant(rows.getObject(column, OffsetDateTime.class));
    }

    /** The instant in the column named {@code column} of the current row, or null. */
    public static Instant read(ResultSet rows, String column) throws SQLException {
        return instant(rows.getObject(column, OffsetDateTime.class));
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
