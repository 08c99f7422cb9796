package org.dmscloud.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/**
 * The baseline: the same writes as the daily run (a ledger row per charge, the instance's coverage, the
 * account's balance, disabled instances), in the same batches and transactions, by hand-written JDBC with
 * nothing else: no locking, no re-reading, no run records, no events.
 */
final class PlainJdbcLoop {

    private final DataSource dataSource;
    private final int batchSize;
    /** Each tenant's markup in basis points, by tenant id. */
    private final Map<String, Integer> markups;

    PlainJdbcLoop(DataSource dataSource, int batchSize, Map<String, Integer> markups) {
        this.dataSource = dataSource;
        this.batchSize = batchSize;
        this.markups = markups;
    }

    void run(LocalDate day) throws SQLException {
        Instant dayStart = day.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant dayEnd = dayStart.plusSeconds(86_400);
        Timestamp cursorCreated = Timestamp.from(Instant.EPOCH);
        String cursorId = "";
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            while (true) {
                List<String[]> due = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement("SELECT id, account_id, expected_devices, created_at FROM instance "
                        + "WHERE state = 'ENABLED' AND paid_until < ? AND (created_at, id) > (?, ?) "
                        + "ORDER BY created_at, id FETCH FIRST ? ROWS ONLY")) {
                    select.setObject(1, dayEnd.atOffset(ZoneOffset.UTC));
                    select.setTimestamp(2, cursorCreated);
                    select.setString(3, cursorId);
                    select.setInt(4, batchSize);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            due.add(new String[] { rows.getString(1), rows.getString(2), rows.getString(3) });
                            cursorCreated = rows.getTimestamp(4);
                        }
                    }
                }
                if (due.isEmpty()) {
                    break;
                }
                cursorId = due.get(due.size() - 1)[0];
                Map<String, Long> balances = new HashMap<>();
                Map<String, String> tenants = new HashMap<>();
                balances(connection, due, balances, tenants);
                Map<String, Long> charged = new LinkedHashMap<>();
                try (PreparedStatement ledger = connection.prepareStatement("INSERT INTO ledger_entry (account_id, entry_type, amount_minor, "
                        + "balance_after_minor, currency, instance_id, period_start, period_end, rate_minor, breakdown, description, "
                        + "idempotency_key, created_at) VALUES (?, 'DAILY_CHARGE', ?, ?, 'EUR', ?, ?, ?, ?, ?, ?, ?, ?)");
                        PreparedStatement coverage = connection.prepareStatement(
                                "UPDATE instance SET paid_until = ?, paid_rate_minor = ?, version = version + 1 WHERE id = ?");
                        PreparedStatement disable = connection.prepareStatement(
                                "UPDATE instance SET state = 'DISABLED', disable_reason = 'INSUFFICIENT_FUNDS', version = version + 1 WHERE id = ?");
                        PreparedStatement balance = connection.prepareStatement("UPDATE account SET balance_minor = balance_minor - ? WHERE id = ?")) {
                    for (String[] instance : due) {
                        long devices = Long.parseLong(instance[2]);
                        int markup = markups.get(tenants.get(instance[1]));
                        long rate = BenchPricing.dailyMinor(devices, markup);
                        long available = balances.get(instance[1]);
                        if (available < rate) {
                            disable.setString(1, instance[0]);
                            disable.addBatch();
                            continue;
                        }
                        balances.put(instance[1], available - rate);
                        charged.merge(instance[1], rate, Long::sum);
                        ledger.setString(1, instance[1]);
                        ledger.setLong(2, -rate);
                        ledger.setLong(3, available - rate);
                        ledger.setString(4, instance[0]);
                        ledger.setObject(5, dayStart.atOffset(ZoneOffset.UTC));
                        ledger.setObject(6, dayEnd.atOffset(ZoneOffset.UTC));
                        ledger.setLong(7, rate);
                        ledger.setString(8, BenchPricing.breakdown(devices, markup));
                        ledger.setString(9, "Daily charge for " + day + " (R1)");
                        ledger.setString(10, "daily/" + instance[0] + "/" + day);
                        ledger.setObject(11, Instant.now().atOffset(ZoneOffset.UTC));
                        ledger.addBatch();
                        coverage.setObject(1, dayEnd.atOffset(ZoneOffset.UTC));
                        coverage.setLong(2, rate);
                        coverage.setString(3, instance[0]);
                        coverage.addBatch();
                    }
                    for (Map.Entry<String, Long> account : charged.entrySet()) {
                        balance.setLong(1, account.getValue());
                        balance.setString(2, account.getKey());
                        balance.addBatch();
                    }
                    coverage.executeBatch();
                    balance.executeBatch();
                    ledger.executeBatch();
                    disable.executeBatch();
                }
                connection.commit();
            }
        }
    }

    /** The accounts' balances and tenants. */
    private static void balances(Connection connection, List<String[]> due, Map<String, Long> balances, Map<String, String> tenants)
            throws SQLException {
        List<String> accounts = due.stream().map(d -> d[1]).distinct().toList();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, balance_minor, tenant_id FROM account WHERE id IN ("
                + String.join(", ", java.util.Collections.nCopies(accounts.size(), "?")) + ")")) {
            for (int i = 0; i < accounts.size(); i++) {
                select.setString(i + 1, accounts.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    balances.put(rows.getString(1), rows.getLong(2));
                    tenants.put(rows.getString(1), rows.getString(3));
                }
            }
        }
    }
}
