package org.dmscloud.persistence.jdbc;

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

import org.dmscloud.persistence.Transaction;
import org.dmscloud.persistence.internal.StoreExceptions;

/**
 * Plain JDBC on a transaction's own connection, for a bundle's repositories: what they write commits or
 * rolls back with everything else in the transaction, and SQL failures come out as the store's exceptions
 * ({@link org.dmscloud.persistence.DuplicateKeyException}, {@link org.dmscloud.persistence.StoreUnavailableException}...).
 */
public final class Jdbc {

    private final Supplier<Connection> connection;

    public Jdbc(Supplier<Connection> connection) {
        this.connection = connection;
    }

    /** JDBC on the connection of the transaction, acquired when first used. */
    public static Jdbc of(Transaction transaction) {
        return new Jdbc(transaction::connection);
    }

    public Connection connection() {
        return connection.get();
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs JDBC work, turning SQL failures into the store's exceptions. */
    public <T> T call(SqlWork<T> work) {
        try {
            return work.run(connection.get());
        } catch (SQLException e) {
            throw StoreExceptions.translate(e);
        }
    }

    public static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
        }
    }

    public static Instant getInstant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static Optional<Instant> getOptionalInstant(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(getInstant(row, column));
    }

    public static void setNullableLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    public static Optional<Long> getOptionalLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(value);
    }

    @FunctionalInterface
    public interface SqlStatement {
        void run() throws SQLException;
    }

    /**
     * Runs an insert that may hit a unique key. On a duplicate only the insert is undone, through a
     * savepoint (PostgreSQL would otherwise refuse the rest of the transaction), and the answer is false.
     */
    public static boolean unlessDuplicate(Connection connection, SqlStatement insert) throws SQLException {
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

    /** The text cut to fit a column of {@code length} characters (free-form details, errors, reasons). */
    public static String fit(String text, int length) {
        return text.length() > length ? text.substring(0, length) : text;
    }

    /** The id the database gave the row just inserted by a statement prepared with the id column's name. */
    public static long generatedId(PreparedStatement insert) throws SQLException {
        try (ResultSet key = insert.getGeneratedKeys()) {
            key.next();
            return key.getLong(1);
        }
    }

    /** "?, ?, ?" for an IN list of {@code count} parameters. */
    public static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
