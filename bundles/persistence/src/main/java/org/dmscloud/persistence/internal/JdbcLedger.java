package org.dmscloud.persistence.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.billing.LedgerEntry;
import org.dmscloud.api.money.Money;
import org.dmscloud.persistence.Ledger;
import org.dmscloud.persistence.NewLedgerEntry;

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
                    + " FROM ledger_entry WHERE account_id = ? AND id < ? ORDER BY id DESC")) {
                select.setString(1, account.toString());
                select.setLong(2, beforeId);
                select.setMaxRows(limit);
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
}
