package org.dmscloud.billing.internal.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.billing.LedgerAudit;
import org.dmscloud.api.billing.LedgerEntry;
import org.dmscloud.api.money.Money;
import org.dmscloud.persistence.jdbc.Jdbc;

final class JdbcLedger implements Ledger {

    private final Jdbc jdbc;

    JdbcLedger(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public LedgerEntry append(NewLedgerEntry entry) {
        return jdbc.call(connection -> {
            // The update takes the row lock and is refused by the CHECK constraint below zero.
            Money balanceAfter;
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE account SET balance_minor = balance_minor + ? WHERE id = ? AND currency = ?")) {
                update.setLong(1, entry.amount().minorUnits());
                update.setString(2, entry.account().toString());
                update.setString(3, entry.amount().currencyCode());
                if (update.executeUpdate() != 1) {
                    throw new IllegalArgumentException("no account " + entry.account() + " in " + entry.amount().currencyCode());
                }
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT balance_minor FROM account WHERE id = ?")) {
                select.setString(1, entry.account().toString());
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    balanceAfter = Money.ofMinor(row.getLong(1), entry.amount().currency());
                }
            }
            long id = LedgerRows.insert(connection, List.of(entry), List.of(balanceAfter)).get(0);
            return new LedgerEntry(id, entry.account(), entry.type(), entry.amount(), balanceAfter, entry.instance(),
                    entry.periodStart(), entry.periodEnd(), entry.rate(), entry.breakdown(), entry.description(),
                    entry.idempotencyKey(), entry.createdAt());
        });
    }

    @Override
    public Optional<LedgerEntry> find(long id) {
        return queryOne("SELECT " + LedgerRows.COLUMNS + " FROM ledger_entry WHERE id = ?", id);
    }

    @Override
    public Optional<LedgerEntry> findByIdempotencyKey(String idempotencyKey) {
        return queryOne("SELECT " + LedgerRows.COLUMNS + " FROM ledger_entry WHERE idempotency_key = ?", idempotencyKey);
    }

    @Override
    public List<LedgerEntry> page(AccountId account, long beforeId, int limit) {
        return jdbc.call(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + LedgerRows.COLUMNS
                    + " FROM ledger_entry WHERE account_id = ? AND id < ? ORDER BY id DESC FETCH FIRST ? ROWS ONLY")) {
                // The limit in the statement, not setMaxRows: the database then plans for a page, not the whole ledger.
                select.setString(1, account.toString());
                select.setLong(2, beforeId);
                select.setInt(3, limit);
                List<LedgerEntry> entries = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        entries.add(LedgerRows.read(rows));
                    }
                }
                return entries;
            }
        });
    }

    private Optional<LedgerEntry> queryOne(String sql, Object key) {
        return jdbc.call(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setObject(1, key);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(LedgerRows.read(row)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public long countAccounts() {
        return jdbc.call(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM account"); ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    @Override
    public List<LedgerAudit.Mismatch> mismatches(int limit) {
        return jdbc.call(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT a.id, a.currency, a.balance_minor, "
                    + "COALESCE(t.total, 0) AS ledger_total, latest.balance_after_minor AS latest_after FROM account a "
                    + "LEFT JOIN (SELECT account_id, SUM(amount_minor) AS total, MAX(id) AS latest_id FROM ledger_entry GROUP BY account_id) t "
                    + "ON t.account_id = a.id LEFT JOIN ledger_entry latest ON latest.id = t.latest_id "
                    + "WHERE a.balance_minor <> COALESCE(t.total, 0) OR latest.balance_after_minor <> a.balance_minor "
                    + "ORDER BY a.id FETCH FIRST ? ROWS ONLY")) {
                select.setInt(1, limit);
                List<LedgerAudit.Mismatch> mismatches = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Currency currency = Currency.getInstance(rows.getString("currency"));
                        mismatches.add(new LedgerAudit.Mismatch(AccountId.parse(rows.getString("id")),
                                Money.ofMinor(rows.getLong("balance_minor"), currency), Money.ofMinor(rows.getLong("ledger_total"), currency),
                                Jdbc.getOptionalLong(rows, "latest_after").map(minor -> Money.ofMinor(minor, currency))));
                    }
                }
                return mismatches;
            }
        });
    }
}
