package dev.earshot.database;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Reports in {@code /q/health/ready} whether the database answers: a replica that cannot reach it would lose
 * recorded plays and could not check ended sessions (S26). UP or DOWN only, as every public check; why goes
 * to the log, once per change. Replaces Agroal's own check, which names the datasources.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(DatabaseReadiness.class);
    private static final int VALID_WITHIN_SECONDS = 2;

    private final Database database;
    private final AtomicBoolean lastUp = new AtomicBoolean(true);

    DatabaseReadiness(Database database) {
        this.database = database;
    }

    @Override
    public HealthCheckResponse call() {
        String problem = problem();
        boolean up = problem == null;
        if (lastUp.getAndSet(up) != up) {
            if (up) {
                LOG.info("The database answers again: ready");
            } else {
                LOG.warnf("Not ready: the database does not answer (%s)", problem);
            }
        }
        return HealthCheckResponse.named("database").status(up).build();
    }

    private String problem() {
        try {
            return database.inTransaction(DatabaseReadiness::validity);
        } catch (DatabaseException e) {
            return e.getMessage();
        }
    }

    private static String validity(Connection connection) throws SQLException {
        return connection.isValid(VALID_WITHIN_SECONDS) ? null : "the connection did not validate";
    }
}
