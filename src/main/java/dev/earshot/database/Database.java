package dev.earshot.database;

import dev.earshot.config.DatabaseConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource.DataSourceLiteral;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Instance;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The one way into the database, whichever is configured: runs a piece of work in a transaction on a
 * pooled connection, commits it, or rolls it back and rethrows unchecked.
 */
@ApplicationScoped
public class Database {

    private final AgroalDataSource dataSource;
    private final boolean postgresql;

    Database(@Any Instance<AgroalDataSource> dataSources, DatabaseConfig config) {
        this.postgresql = config.postgresql();
        // Only the active datasource may be looked up: the other one is switched off by DatabaseConfigSource.
        this.dataSource = postgresql
                ? dataSources
                        .select(new DataSourceLiteral(DatabaseConfigSource.POSTGRESQL))
                        .get()
                : dataSources.select(Default.Literal.INSTANCE).get();
    }

    /** True on PostgreSQL, false on the embedded H2 (for the few statements the two spell differently). */
    public boolean isPostgreSQL() {
        return postgresql;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }
}
