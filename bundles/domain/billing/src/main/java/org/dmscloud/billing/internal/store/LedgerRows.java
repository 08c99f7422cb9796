package org.dmscloud.billing.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.billing.LedgerEntry;
import org.dmscloud.api.billing.LedgerEntryType;
import org.dmscloud.api.catalog.PriceComponent;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.money.Money;
import org.dmscloud.persistence.jdbc.Jdbc;

/** Reading and writing ledger rows; the one place that knows the ledger table. */
final class LedgerRows {

    static final String COLUMNS = "id, account_id, entry_type, amount_minor, balance_after_minor, currency, instance_id, "
            + "period_start, period_end, rate_minor, breakdown, description, idempotency_key, created_at";

    private static final String INSERT = "INSERT INTO ledger_entry (account_id, entry_type, amount_minor, balance_after_minor, "
            + "currency, instance_id, period_start, period_end, rate_minor, breakdown, description, idempotency_key, created_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private LedgerRows() {
    }

    /** Inserts the entries in one batch, each with the balance after it; answers their ids in order. */
    static List<Long> insert(Connection connection, List<NewLedgerEntry> entries, List<Money> balancesAfter) throws SQLException {
        // Entries of one configuration share one components list: serialize it once.
        Map<List<PriceComponent>, String> breakdowns = new IdentityHashMap<>();
        try (PreparedStatement insert = connection.prepareStatement(INSERT, new String[] { "id" })) {
            for (int i = 0; i < entries.size(); i++) {
                NewLedgerEntry entry = entries.get(i);
                insert.setString(1, entry.account().toString());
                insert.setString(2, entry.type().name());
                insert.setLong(3, entry.amount().minorUnits());
                insert.setLong(4, balancesAfter.get(i).minorUnits());
                insert.setString(5, entry.amount().currencyCode());
                insert.setString(6, entry.instance().map(InstanceId::toString).orElse(null));
                Jdbc.setInstant(insert, 7, entry.periodStart().orElse(null));
                Jdbc.setInstant(insert, 8, entry.periodEnd().orElse(null));
                Jdbc.setNullableLong(insert, 9, entry.rate().map(Money::minorUnits).orElse(null));
                insert.setString(10, breakdowns.computeIfAbsent(entry.breakdown(), Breakdowns::toJson));
                insert.setString(11, entry.description());
                insert.setString(12, entry.idempotencyKey());
                Jdbc.setInstant(insert, 13, entry.createdAt());
                insert.addBatch();
            }
            insert.executeBatch();
            List<Long> ids = new ArrayList<>(entries.size());
            try (ResultSet keys = insert.getGeneratedKeys()) {
                while (keys.next()) {
                    ids.add(keys.getLong(1));
                }
            }
            if (ids.size() != entries.size()) {
                throw new SQLException("expected " + entries.size() + " generated ledger ids, got " + ids.size());
            }
            return ids;
        }
    }

    static LedgerEntry read(ResultSet row) throws SQLException {
        Currency currency = Currency.getInstance(row.getString("currency"));
        String instance = row.getString("instance_id");
        return new LedgerEntry(row.getLong("id"), AccountId.parse(row.getString("account_id").trim()),
                LedgerEntryType.valueOf(row.getString("entry_type")),
                Money.ofMinor(row.getLong("amount_minor"), currency),
                Money.ofMinor(row.getLong("balance_after_minor"), currency),
                instance == null ? java.util.Optional.empty() : java.util.Optional.of(InstanceId.parse(instance.trim())),
                Jdbc.getOptionalInstant(row, "period_start"), Jdbc.getOptionalInstant(row, "period_end"),
                Jdbc.getOptionalLong(row, "rate_minor").map(minor -> Money.ofMinor(minor, currency)),
                Breakdowns.fromJson(row.getString("breakdown"), currency), row.getString("description"),
                row.getString("idempotency_key"), Jdbc.getInstant(row, "created_at"));
    }
}
