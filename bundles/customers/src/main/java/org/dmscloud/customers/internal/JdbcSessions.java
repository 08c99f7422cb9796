package org.dmscloud.customers.internal;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.UUID;

import org.dmscloud.persistence.jdbc.Jdbc;


final class JdbcSessions implements Sessions {

    private final Jdbc jdbc;

    JdbcSessions(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(SessionRecord session) {
        jdbc.call(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO user_session (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, session.tokenHash());
                insert.setString(2, session.user().toString());
                Jdbc.setInstant(insert, 3, session.createdAt());
                Jdbc.setInstant(insert, 4, session.expiresAt());
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public void revoke(String tokenHash, Instant at) {
        update("UPDATE user_session SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL", at, tokenHash);
    }

    @Override
    public void revokeAll(UUID user, Instant at) {
        update("UPDATE user_session SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL", at, user.toString());
    }

    @Override
    public void revokeAllBut(UUID user, String keptTokenHash, Instant at) {
        jdbc.call(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE user_session SET revoked_at = ? WHERE user_id = ? AND token_hash <> ? AND revoked_at IS NULL")) {
                Jdbc.setInstant(update, 1, at);
                update.setString(2, user.toString());
                update.setString(3, keptTokenHash);
                return update.executeUpdate();
            }
        });
    }

    private void update(String sql, Instant at, String key) {
        jdbc.call(connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                Jdbc.setInstant(update, 1, at);
                update.setString(2, key);
                return update.executeUpdate();
            }
        });
    }
}
