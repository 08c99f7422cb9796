package org.dmscloud.customers.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.persistence.jdbc.Jdbc;

final class JdbcUsers implements Users {

    private final Jdbc jdbc;

    JdbcUsers(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void create(UserRecord user) {
        jdbc.call(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO customer_user (id, tenant_id, account_id, email, "
                    + "name, company, password_hash, status, created_at, verified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, user.id().toString());
                insert.setString(2, user.tenant().value());
                insert.setString(3, user.account().toString());
                insert.setString(4, user.email());
                insert.setString(5, user.name());
                insert.setString(6, user.company());
                insert.setString(7, user.passwordHash());
                insert.setString(8, user.status().name());
                Jdbc.setInstant(insert, 9, user.createdAt());
                Jdbc.setInstant(insert, 10, user.verifiedAt().orElse(null));
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public Optional<UserRecord> find(UUID id) {
        return one("SELECT * FROM customer_user WHERE id = ?", id.toString());
    }

    @Override
    public Optional<UserRecord> findSignedIn(TenantId tenant, String sessionTokenHash, Instant now) {
        return jdbc.call(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT u.* FROM user_session s JOIN customer_user u ON u.id = s.user_id "
                    + "WHERE s.token_hash = ? AND s.revoked_at IS NULL AND s.expires_at > ? AND u.tenant_id = ? AND u.status = ?")) {
                select.setString(1, sessionTokenHash);
                Jdbc.setInstant(select, 2, now);
                select.setString(3, tenant.value());
                select.setString(4, UserStatus.ACTIVE.name());
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(read(row)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Optional<UserRecord> findByEmail(TenantId tenant, String email) {
        return one("SELECT * FROM customer_user WHERE tenant_id = ? AND email = ?", tenant.value(), email);
    }

    @Override
    public Optional<UserRecord> lockByEmail(TenantId tenant, String email) {
        return one("SELECT * FROM customer_user WHERE tenant_id = ? AND email = ? FOR UPDATE", tenant.value(), email);
    }

    @Override
    public void update(UserRecord user) {
        jdbc.call(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE customer_user SET name = ?, company = ?, "
                    + "password_hash = ?, status = ?, verified_at = ? WHERE id = ?")) {
                update.setString(1, user.name());
                update.setString(2, user.company());
                update.setString(3, user.passwordHash());
                update.setString(4, user.status().name());
                Jdbc.setInstant(update, 5, user.verifiedAt().orElse(null));
                update.setString(6, user.id().toString());
                return update.executeUpdate();
            }
        });
    }

    @Override
    public List<UserRecord> listByAccount(AccountId account) {
        return jdbc.call(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM customer_user WHERE account_id = ? ORDER BY created_at")) {
                select.setString(1, account.toString());
                List<UserRecord> users = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        users.add(read(rows));
                    }
                }
                return users;
            }
        });
    }

    @Override
    public List<AccountId> accountsWithAddressContaining(Optional<TenantId> tenant, String fragment, int max) {
        String pattern = "%" + fragment.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return jdbc.call(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT account_id FROM customer_user WHERE email LIKE ? ESCAPE '!' "
                    + "AND (? IS NULL OR tenant_id = ?) ORDER BY created_at DESC, id FETCH FIRST ? ROWS ONLY")) {
                String tenantId = tenant.map(TenantId::value).orElse(null);
                select.setString(1, pattern);
                select.setString(2, tenantId);
                select.setString(3, tenantId);
                select.setInt(4, max);
                Set<AccountId> accounts = new LinkedHashSet<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        accounts.add(AccountId.parse(rows.getString("account_id")));
                    }
                }
                return List.copyOf(accounts);
            }
        });
    }

    @Override
    public Map<AccountId, List<String>> addressesOf(Collection<AccountId> accounts) {
        Map<AccountId, List<String>> addresses = new LinkedHashMap<>();
        accounts.forEach(account -> addresses.put(account, new ArrayList<>()));
        if (accounts.isEmpty()) {
            return addresses;
        }
        return jdbc.call(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT account_id, email FROM customer_user WHERE account_id IN ("
                    + Jdbc.placeholders(accounts.size()) + ") ORDER BY created_at, email")) {
                int index = 1;
                for (AccountId account : accounts) {
                    select.setString(index++, account.toString());
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        addresses.get(AccountId.parse(rows.getString("account_id"))).add(rows.getString("email"));
                    }
                }
            }
            return addresses;
        });
    }

    private Optional<UserRecord> one(String sql, String... parameters) {
        return jdbc.call(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    select.setString(i + 1, parameters[i]);
                }
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(read(row)) : Optional.empty();
                }
            }
        });
    }

    private static UserRecord read(ResultSet row) throws SQLException {
        return new UserRecord(UUID.fromString(row.getString("id")), new TenantId(row.getString("tenant_id")),
                AccountId.parse(row.getString("account_id")), row.getString("email"), row.getString("name"), row.getString("company"),
                row.getString("password_hash"), UserStatus.valueOf(row.getString("status")), Jdbc.getInstant(row, "created_at"),
                Jdbc.getOptionalInstant(row, "verified_at"));
    }
}
