package org.dmscloud.persistence.internal;

import org.dmscloud.persistence.jdbc.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.dmscloud.api.account.Account;
import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.AccountQuery;
import org.dmscloud.api.account.AccountStatus;
import org.dmscloud.api.account.AccountSummary;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.money.Money;
import org.dmscloud.persistence.AccountDirectory;

final class JdbcAccountDirectory implements AccountDirectory {

    private static final String SELECT = "SELECT a.id, a.tenant_id, a.display_name, a.currency, a.balance_minor, a.created_at, "
            + "a.locked_at, a.locked_reason, a.locked_by, "
            + "(SELECT COUNT(*) FROM instance i WHERE i.account_id = a.id AND i.state <> 'DELETED') AS instances FROM account a";

    private final Jdbc jdbc;

    JdbcAccountDirectory(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<AccountSummary> search(AccountQuery query) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        query.tenant().ifPresent(tenant -> {
            sql.append(" AND a.tenant_id = ?");
            parameters.add(tenant.value());
        });
        query.status().ifPresent(status -> sql.append(status == AccountStatus.LOCKED ? " AND a.locked_at IS NOT NULL" : " AND a.locked_at IS NULL"));
        query.email().map(String::strip).filter(email -> !email.isEmpty()).ifPresent(email -> {
            sql.append(" AND EXISTS (SELECT 1 FROM customer_user u WHERE u.account_id = a.id AND u.email LIKE ? ESCAPE '!')");
            parameters.add("%" + email.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        });
        sql.append(" ORDER BY a.created_at DESC, a.id FETCH FIRST ? ROWS ONLY");
        parameters.add(query.limit());
        return jdbc.call(connection -> {
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < parameters.size(); i++) {
                    select.setObject(i + 1, parameters.get(i));
                }
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        rows.add(read(result));
                    }
                }
            }
            return withUsers(connection, rows);
        });
    }

    @Override
    public Optional<AccountSummary> find(AccountId account) {
        return jdbc.call(connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT + " WHERE a.id = ?")) {
                select.setString(1, account.toString());
                try (ResultSet result = select.executeQuery()) {
                    if (!result.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(withUsers(connection, List.of(read(result))).get(0));
                }
            }
        });
    }

    @Override
    public Optional<AccountSummary.Lock> lockOf(AccountId account) {
        return jdbc.call(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT locked_at, locked_reason, locked_by FROM account WHERE id = ?")) {
                select.setString(1, account.toString());
                try (ResultSet result = select.executeQuery()) {
                    return result.next() ? lock(result) : Optional.empty();
                }
            }
        });
    }

    @Override
    public boolean setLock(AccountId account, Optional<AccountSummary.Lock> lock) {
        return jdbc.call(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE account SET locked_at = ?, locked_reason = ?, locked_by = ? WHERE id = ?")) {
                Jdbc.setInstant(update, 1, lock.map(AccountSummary.Lock::at).orElse(null));
                update.setString(2, lock.map(AccountSummary.Lock::reason).orElse(null));
                update.setString(3, lock.map(AccountSummary.Lock::by).orElse(null));
                update.setString(4, account.toString());
                return update.executeUpdate() == 1;
            }
        });
    }

    /** An account row before its users are read. */
    private record Row(Account account, long instances, Optional<AccountSummary.Lock> lock) {
    }

    private static Row read(ResultSet row) throws SQLException {
        Currency currency = Currency.getInstance(row.getString("currency"));
        Account account = new Account(AccountId.parse(row.getString("id")), new TenantId(row.getString("tenant_id")),
                row.getString("display_name"), Money.ofMinor(row.getLong("balance_minor"), currency), Jdbc.getInstant(row, "created_at"));
        return new Row(account, row.getLong("instances"), lock(row));
    }

    private static Optional<AccountSummary.Lock> lock(ResultSet row) throws SQLException {
        Optional<Instant> at = Jdbc.getOptionalInstant(row, "locked_at");
        if (at.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AccountSummary.Lock(row.getString("locked_reason"), row.getString("locked_by"), at.get()));
    }

    /** Reads the users of all the rows' accounts in one query. */
    private static List<AccountSummary> withUsers(Connection connection, List<Row> rows) throws SQLException {
        Map<AccountId, List<String>> users = new LinkedHashMap<>();
        rows.forEach(row -> users.put(row.account().id(), new ArrayList<>()));
        if (!rows.isEmpty()) {
            try (PreparedStatement select = connection.prepareStatement("SELECT account_id, email FROM customer_user WHERE account_id IN ("
                    + Jdbc.placeholders(rows.size()) + ") ORDER BY created_at, email")) {
                for (int i = 0; i < rows.size(); i++) {
                    select.setString(i + 1, rows.get(i).account().id().toString());
                }
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        users.get(AccountId.parse(result.getString("account_id"))).add(result.getString("email"));
                    }
                }
            }
        }
        return rows.stream().map(row -> new AccountSummary(row.account(), users.get(row.account().id()), row.instances(), row.lock())).toList();
    }
}
