package org.dmscloud.persistence.internal;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.dmscloud.persistence.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One transaction: a connection of the pool, taken when first asked for, with auto-commit off until the end; or,
 * for a {@link org.dmscloud.persistence.Store#read read}, with auto-commit left on.
 */
final class JdbcTransaction implements Transaction {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcTransaction.class);

    private final DataSource dataSource;
    private final boolean readOnly;
    private Connection connection;

    private JdbcTransaction(DataSource dataSource, boolean readOnly) {
        this.dataSource = dataSource;
        this.readOnly = readOnly;
    }

    static JdbcTransaction begin(DataSource dataSource) {
        return new JdbcTransaction(dataSource, false);
    }

    static JdbcTransaction read(DataSource dataSource) {
        return new JdbcTransaction(dataSource, true);
    }

    boolean readOnly() {
        return readOnly;
    }

    @Override
    public Connection connection() {
        if (connection == null) {
            try {
                Connection opened = dataSource.getConnection();
                opened.setAutoCommit(readOnly);
                connection = opened;
            } catch (SQLException e) {
                throw StoreExceptions.translate(e);
            }
        }
        return connection;
    }

    void commit() throws SQLException {
        if (connection != null && !readOnly) {
            connection.commit();
        }
    }

    /** Rolls back what was not committed and gives the connection back to the pool. */
    void end() {
        if (connection == null) {
            return;
        }
        try (Connection ended = connection) {
            if (!readOnly) {
                ended.rollback();
                ended.setAutoCommit(true);
            }
        } catch (SQLException e) {
            // The pool finds a broken connection out when it is next used or validated, and drops it.
            LOG.warn("Could not end a transaction cleanly: {}", e.getMessage());
        }
    }
}
