package dev.earshot.figures;

import dev.earshot.database.DatabaseException;

/**
 * Tells pages that may not know the database (historypages) whether a failure of {@link ListeningFigures} means the
 * database could not be read — answered "not right now" — rather than a defect.
 */
public final class DatabaseDown {

    private DatabaseDown() {}

    public static boolean causedBy(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabaseException) {
                return true;
            }
        }
        return false;
    }
}
