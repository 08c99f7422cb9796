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
        update("UPDATE user_session SET revoked_at = ? WHERE user_id = ? AND token_hash <> ? AND revoked_at IS NULL", at, user.toString(), keptTokenHash);
    }

    /** Sets {@code revoked_at} to {@code at}, the first placeholder, where the rest match these keys. */
    private void update(String sql, Instant at, String... keys) {
        jdbc.call(connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                Jdbc.setInstant(update, 1, at);
                for (int i = 0; i < keys.length; i++) {
                    update.setString(i + 2, keys[i]);
                }
                return update.executeUpdate();
            }
        });
    }
}
