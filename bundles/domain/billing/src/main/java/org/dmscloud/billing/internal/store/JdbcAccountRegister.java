package org.dmscloud.billing.internal.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import org.dmscloud.api.account.Account;
import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.AccountRegister.AccountOverview;
import org.dmscloud.api.account.AccountStatus;
import org.dmscloud.api.account.AccountSummary;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.money.Money;
import org.dmscloud.persistence.jdbc.Jdbc;

/** The accounts with their instance count and lock, for operators. */
public final class JdbcAccountRegister {

    private static final String SELECT = "SELECT a.id, a.tenant_id, a.display_name, a.currency, a.balance_minor, a.created_at, "
            + "a.locked_at, a.locked_reason, a.locked_by, "
            + "(SELECT COUNT(*) FROM instance i WHERE i.account_id = a.id AND i.state <> 'DELETED') AS instances FROM account a";

    private final Jdbc jdbc;

    JdbcAccountRegister(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The accounts matching, newest first. */
    public List<AccountOverview> search(Optional<TenantId> tenant, Optional<AccountStatus> status, Optional<Collection<AccountId>> among, int limit) {
        if (among.isPresent() && among.get().isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        tenant.ifPresent(id -> {
            sql.append(" AND a.tenant_id = ?");
            parameters.add(id.value());
        });
        status.ifPresent(wanted -> sql.append(wanted == AccountStatus.LOCKED ? " AND a.locked_at IS NOT NULL" : " AND a.locked_at IS NULL"));
        among.ifPresent(ids -> {
            sql.append(" AND a.id IN (").append(Jdbc.placeholders(ids.size())).append(")");
            ids.forEach(id -> parameters.add(id.toString()));
        });
        sql.append(" ORDER BY a.created_at DESC, a.id FETCH FIRST ? ROWS ONLY");
        parameters.add(limit);
        return jdbc.call(connection -> {
            List<AccountOverview> accounts = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < parameters.size(); i++) {
                    select.setObject(i + 1, parameters.get(i));
                }
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        accounts.add(read(result));
                    }
                }
            }
            return accounts;
        });
    }

    public Optional<AccountOverview> find(AccountId account) {
        return jdbc.call(connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT + " WHERE a.id = ?")) {
                select.setString(1, account.toString());
                try (ResultSet result = select.executeQuery()) {
                    return result.next() ? Optional.of(read(result)) : Optional.empty();
                }
            }
        });
    }

    /** Locks the account, or (empty) lifts its lock; answers whether the account exists. */
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

    private static AccountOverview read(ResultSet row) throws SQLException {
        Currency currency = Currency.getInstance(row.getString("currency"));
        Account account = new Account(AccountId.parse(row.getString("id")), new TenantId(row.getString("tenant_id")),
                row.getString("display_name"), Money.ofMinor(row.getLong("balance_minor"), currency), Jdbc.getInstant(row, "created_at"));
        return new AccountOverview(account, row.getLong("instances"), lock(row));
    }

    private static Optional<AccountSummary.Lock> lock(ResultSet row) throws SQLException {
        Optional<Instant> at = Jdbc.getOptionalInstant(row, "locked_at");
        if (at.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AccountSummary.Lock(row.getString("locked_reason"), row.getString("locked_by"), at.get()));
    }
}
