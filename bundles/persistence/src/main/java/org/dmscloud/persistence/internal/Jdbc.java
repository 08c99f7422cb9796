package org.dmscloud.persistence.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Plain JDBC on the transaction's own connection, for the work JPA does slowly or not at all: the
 * ledger, batches, and reads that must see rows written by other nodes.
 */
final class Jdbc {

    private final Supplier<Connection> connection;

    Jdbc(Supplier<Connection> connection) {
        this.connection = connection;
    }

    Connection connection() {
        return connection.get();
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs JDBC work, turning SQL failures into the store's exceptions. */
    <T> T call(SqlWork<T> work) {
        try {
            return work.run(connection.get());
        } catch (SQLException e) {
            throw StoreExceptions.translate(e);
        }
    }

    static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
        }
    }

    static Instant getInstant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Optional<Instant> getOptionalInstant(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(getInstant(row, column));
    }

    static void setNullableLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    static Optional<Long> getOptionalLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(value);
    }

    @FunctionalInterface
    interface SqlStatement {
        void run() throws SQLException;
    }

    /**
     * Runs an insert that may hit a unique key. On a duplicate only the insert is undone, through a
     * savepoint (PostgreSQL would otherwise refuse the rest of the transaction), and the answer is false.
     */
    static boolean unlessDuplicate(Connection connection, SqlStatement insert) throws SQLException {
        java.sql.Savepoint savepoint = connection.setSavepoint();
        try {
            insert.run();
            connection.releaseSavepoint(savepoint);
            return true;
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            connection.rollback(savepoint);
            return false;
        }
    }

    /** "?, ?, ?" for an IN list of {@code count} parameters. */
    /** The text cut to fit a column of {@code length} characters (free-form details, errors, reasons). */
    static String fit(String text, int length) {
        return text.length() > length ? text.substring(0, length) : text;
    }

    /** The id the database gave the row just inserted by a statement prepared with the id column's name. */
    static long generatedId(PreparedStatement insert) throws SQLException {
        try (ResultSet key = insert.getGeneratedKeys()) {
            key.next();
            return key.getLong(1);
        }
    }

    static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
