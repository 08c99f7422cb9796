package org.dmscloud.persistence.internal;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.dmscloud.persistence.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One transaction: a connection of the pool, taken when first asked for, with auto-commit off until the end. */
final class JdbcTransaction implements Transaction {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcTransaction.class);

    private final DataSource dataSource;
    private Connection connection;

    JdbcTransaction(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection connection() {
        if (connection == null) {
            try {
                Connection opened = dataSource.getConnection();
                opened.setAutoCommit(false);
                connection = opened;
            } catch (SQLException e) {
                throw StoreExceptions.translate(e);
            }
        }
        return connection;
    }

    void commit() throws SQLException {
        if (connection != null) {
            connection.commit();
        }
    }

    /** Rolls back what was not committed and gives the connection back to the pool. */
    void end() {
        if (connection == null) {
            return;
        }
        try (Connection ended = connection) {
            ended.rollback();
            ended.setAutoCommit(true);
        } catch (SQLException e) {
            // The pool validates the connection before it hands it out again.
            LOG.warn("Could not end a transaction cleanly: {}", e.getMessage());
        }
    }
}
