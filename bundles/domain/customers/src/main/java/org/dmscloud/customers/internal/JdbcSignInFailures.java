package org.dmscloud.customers.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import org.dmscloud.persistence.jdbc.Jdbc;


final class JdbcSignInFailures implements SignInFailures {

    private final Jdbc jdbc;

    JdbcSignInFailures(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<SignInFailureRecord> find(String key) {
        return select(key, "");
    }

    @Override
    public Optional<SignInFailureRecord> lock(String key) {
        return select(key, " FOR UPDATE");
    }

    private Optional<SignInFailureRecord> select(String key, String lock) {
        return jdbc.call(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM sign_in_failure WHERE failure_key = ?" + lock)) {
                select.setString(1, key);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(read(row)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void insert(SignInFailureRecord record) {
        jdbc.call(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sign_in_failure (failures, window_start, locked_until, "
                    + "expires_at, failure_key) VALUES (?, ?, ?, ?, ?)")) {
                bind(insert, record);
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public void update(SignInFailureRecord record) {
        jdbc.call(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE sign_in_failure SET failures = ?, window_start = ?, "
                    + "locked_until = ?, expires_at = ? WHERE failure_key = ?")) {
                bind(update, record);
                return update.executeUpdate();
            }
        });
    }

    @Override
    public void delete(String key) {
        jdbc.call(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM sign_in_failure WHERE failure_key = ?")) {
                delete.setString(1, key);
                return delete.executeUpdate();
            }
        });
    }

    @Override
    public int deleteExpired(Instant now) {
        return jdbc.call(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM sign_in_failure WHERE expires_at < ?")) {
                Jdbc.setInstant(delete, 1, now);
                return delete.executeUpdate();
            }
        });
    }

    private static void bind(PreparedStatement statement, SignInFailureRecord record) throws SQLException {
        statement.setInt(1, record.failures());
        Jdbc.setInstant(statement, 2, record.windowStart());
        Jdbc.setInstant(statement, 3, record.lockedUntil().orElse(null));
        Jdbc.setInstant(statement, 4, record.expiresAt());
        statement.setString(5, record.key());
    }

    private static SignInFailureRecord read(ResultSet row) throws SQLException {
        return new SignInFailureRecord(row.getString("failure_key"), row.getInt("failures"), Jdbc.getInstant(row, "window_start"),
                Jdbc.getOptionalInstant(row, "locked_until"), Jdbc.getInstant(row, "expires_at"));
    }
}
