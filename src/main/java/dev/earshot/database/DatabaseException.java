package dev.earshot.database;

import java.sql.SQLException;

/** The database failed (unreachable, full, a broken statement): unchecked, so callers decide where it degrades. */
public class DatabaseException extends RuntimeException {

    public DatabaseException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
