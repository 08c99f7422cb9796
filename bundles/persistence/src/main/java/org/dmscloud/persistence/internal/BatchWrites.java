package org.dmscloud.persistence.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.money.Money;
import org.dmscloud.persistence.DailyBilling.DailyCharge;
import org.dmscloud.persistence.NewLedgerEntry;

/**
 * The daily run's bulk writes in portable SQL: JDBC batches, and one UPDATE per distinct rate rather than
 * one per instance. {@link PostgresBatchWrites} does the same in fewer, larger statements.
 */
class BatchWrites {

    /** The writes for this connection's database. */
    static BatchWrites of(String databaseProductName) {
        return "PostgreSQL".equals(databaseProductName) ? new PostgresBatchWrites() : new BatchWrites();
    }

    List<Long> insertLedger(Connection connection, List<NewLedgerEntry> entries, List<Money> balancesAfter) throws SQLException {
        return LedgerRows.insert(connection, entries, balancesAfter);
    }

    /** Coverage to {@code paidUntil} at each charge's rate. */
    void updateCoverage(Connection connection, List<DailyCharge> charges) throws SQLException {
        Map<Long, Map<Instant, List<String>>> byRate = new TreeMap<>();
        for (DailyCharge charge : charges) {
            byRate.computeIfAbsent(charge.entry().rate().orElseThrow().minorUnits(), rate -> new TreeMap<>())
                    .computeIfAbsent(charge.paidUntil(), until -> new ArrayList<>())
                    .add(charge.entry().instance().orElseThrow().toString());
        }
        for (Map.Entry<Long, Map<Instant, List<String>>> rate : byRate.entrySet()) {
            for (Map.Entry<Instant, List<String>> until : rate.getValue().entrySet()) {
                List<String> ids = until.getValue();
                try (PreparedStatement update = connection.prepareStatement("UPDATE instance SET paid_until = ?, paid_rate_minor = ?, "
                        + "version = version + 1 WHERE id IN (" + Jdbc.placeholders(ids.size()) + ")")) {
                    Jdbc.setInstant(update, 1, until.getKey());
                    update.setLong(2, rate.getKey());
                    for (int i = 0; i < ids.size(); i++) {
                        update.setString(3 + i, ids.get(i));
                    }
                    update.executeUpdate();
                }
            }
        }
    }

    /** Lowers each account's balance by the amount charged to it. */
    void lowerBalances(Connection connection, Map<AccountId, Long> charged) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE account SET balance_minor = balance_minor - ? WHERE id = ?")) {
            for (Map.Entry<AccountId, Long> account : charged.entrySet()) {
                update.setLong(1, account.getValue());
                update.setString(2, account.getKey().toString());
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
