package org.dmscloud.customers.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.dmscloud.customers.internal.TokenRecord.TokenPurpose;
import org.dmscloud.persistence.jdbc.Jdbc;

final class JdbcTokens implements Tokens {

    private final Jdbc jdbc;

    JdbcTokens(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(TokenRecord token) {
        jdbc.call(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO user_token (token_hash, user_id, purpose, "
                    + "created_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, token.tokenHash());
                insert.setString(2, token.user().toString());
                insert.setString(3, token.purpose().name());
                Jdbc.setInstant(insert, 4, token.createdAt());
                Jdbc.setInstant(insert, 5, token.expiresAt());
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public Optional<TokenRecord> lockUsable(String tokenHash, TokenPurpose purpose, Instant now) {
        return jdbc.call(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM user_token WHERE token_hash = ? AND purpose = ? "
                    + "AND used_at IS NULL AND expires_at > ? FOR UPDATE")) {
                select.setString(1, tokenHash);
                select.setString(2, purpose.name());
                Jdbc.setInstant(select, 3, now);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new TokenRecord(tokenHash, UUID.fromString(row.getString("user_id")), purpose,
                            Jdbc.getInstant(row, "created_at"), Jdbc.getInstant(row, "expires_at")));
                }
            }
        });
    }

    @Override
    public void useUp(UUID user, TokenPurpose purpose, Instant at) {
        jdbc.call(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE user_token SET used_at = ? WHERE user_id = ? AND purpose = ? AND used_at IS NULL")) {
                Jdbc.setInstant(update, 1, at);
                update.setString(2, user.toString());
                update.setString(3, purpose.name());
                return update.executeUpdate();
            }
        });
    }
}
