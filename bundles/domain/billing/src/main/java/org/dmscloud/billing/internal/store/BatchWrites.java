package org.dmscloud.billing.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.instance.DisableReason;
import org.dmscloud.api.instance.InstanceState;
import org.dmscloud.api.money.Money;
import org.dmscloud.billing.internal.store.DailyBilling.DailyCharge;
import org.dmscloud.billing.internal.store.DailyBilling.DueInstance;
import org.dmscloud.persistence.jdbc.Jdbc;

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

    /** Lowers each balance by its charges if it is still the expected one; false if any was not. */
    boolean lowerBalancesIfUnchanged(Connection connection, Map<AccountId, Long> charged, Map<AccountId, Long> expected) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE account SET balance_minor = balance_minor - ? WHERE id = ? AND balance_minor = ?")) {
            for (Map.Entry<AccountId, Long> account : charged.entrySet()) {
                update.setLong(1, account.getValue());
                update.setString(2, account.getKey().toString());
                update.setLong(3, expected.get(account.getKey()));
                update.addBatch();
            }
            return allOnce(update.executeBatch());
        }
    }

    /** Coverage for each charged instance still at the version read; false if any was not. */
    boolean updateCoverageIfUnchanged(Connection connection, List<DailyCharge> charges) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE instance SET paid_until = ?, paid_rate_minor = ?, "
                + "version = version + 1 WHERE id = ? AND version = ?")) {
            for (DailyCharge charge : charges) {
                Jdbc.setInstant(update, 1, charge.paidUntil());
                update.setLong(2, charge.entry().rate().orElseThrow().minorUnits());
                update.setString(3, charge.instance().id().toString());
                update.setLong(4, charge.instance().version());
                update.addBatch();
            }
            return allOnce(update.executeBatch());
        }
    }

    /** Disables each instance still at the version read, for insufficient funds; false if any was not. */
    boolean disableIfUnchanged(Connection connection, List<DueInstance> disabled) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE instance SET state = ?, disable_reason = ?, "
                + "version = version + 1 WHERE id = ? AND version = ?")) {
            for (DueInstance instance : disabled) {
                update.setString(1, InstanceState.DISABLED.name());
                update.setString(2, DisableReason.INSUFFICIENT_FUNDS.name());
                update.setString(3, instance.id().toString());
                update.setLong(4, instance.version());
                update.addBatch();
            }
            return allOnce(update.executeBatch());
        }
    }

    private static boolean allOnce(int[] counts) {
        for (int count : counts) {
            if (count != 1 && count != java.sql.Statement.SUCCESS_NO_INFO) {
                return false;
            }
        }
        return true;
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
