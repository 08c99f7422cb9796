package org.dmscloud.billing.internal.store;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.catalog.PriceComponent;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.money.Money;
import org.dmscloud.billing.internal.store.DailyBilling.DailyCharge;
import org.dmscloud.billing.internal.store.DailyBilling.DueInstance;
import org.dmscloud.persistence.jdbc.Jdbc;
import org.postgresql.PGConnection;

/**
 * The daily run's bulk writes on PostgreSQL: ledger rows by COPY (ids taken from the table's sequence
 * first, so that events can name them), coverage and balances each by one UPDATE over arrays. Loaded only
 * when the database is PostgreSQL, so the driver stays an optional import.
 */
final class PostgresBatchWrites extends BatchWrites {

    private static final String COPY = "COPY ledger_entry (id, account_id, entry_type, amount_minor, balance_after_minor, currency, "
            + "instance_id, period_start, period_end, rate_minor, breakdown, description, idempotency_key, created_at) "
            + "FROM STDIN (FORMAT csv)";

    @Override
    List<Long> insertLedger(Connection connection, List<NewLedgerEntry> entries, List<Money> balancesAfter) throws SQLException {
        List<Long> ids = nextIds(connection, entries.size());
        Map<List<PriceComponent>, String> breakdowns = new IdentityHashMap<>();
        StringBuilder csv = new StringBuilder(entries.size() * 400);
        for (int i = 0; i < entries.size(); i++) {
            NewLedgerEntry entry = entries.get(i);
            csv.append(ids.get(i)).append(',');
            text(csv, entry.account().toString());
            text(csv, entry.type().name());
            csv.append(entry.amount().minorUnits()).append(',');
            csv.append(balancesAfter.get(i).minorUnits()).append(',');
            text(csv, entry.amount().currencyCode());
            text(csv, entry.instance().map(InstanceId::toString).orElse(null));
            text(csv, entry.periodStart().map(Instant::toString).orElse(null));
            text(csv, entry.periodEnd().map(Instant::toString).orElse(null));
            csv.append(entry.rate().map(rate -> Long.toString(rate.minorUnits())).orElse("")).append(',');
            text(csv, breakdowns.computeIfAbsent(entry.breakdown(), Breakdowns::toJson));
            text(csv, entry.description());
            text(csv, entry.idempotencyKey());
            csv.append('"').append(entry.createdAt()).append("\"\n");
        }
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new StringReader(csv.toString()));
        } catch (IOException e) {
            throw new SQLException("could not stream the ledger rows to PostgreSQL", e);
        }
        return ids;
    }

    @Override
    void updateCoverage(Connection connection, List<DailyCharge> charges) throws SQLException {
        Map<Instant, List<DailyCharge>> byEnd = new java.util.TreeMap<>();
        charges.forEach(charge -> byEnd.computeIfAbsent(charge.paidUntil(), end -> new ArrayList<>()).add(charge));
        for (Map.Entry<Instant, List<DailyCharge>> end : byEnd.entrySet()) {
            List<DailyCharge> same = end.getValue();
            String[] ids = same.stream().map(c -> c.entry().instance().orElseThrow().toString()).toArray(String[]::new);
            Long[] rates = same.stream().map(c -> c.entry().rate().orElseThrow().minorUnits()).toArray(Long[]::new);
            try (PreparedStatement update = connection.prepareStatement("UPDATE instance AS i SET paid_until = ?, "
                    + "paid_rate_minor = c.rate, version = i.version + 1 FROM unnest(?, ?) AS c(id, rate) WHERE i.id = c.id")) {
                Jdbc.setInstant(update, 1, end.getKey());
                update.setArray(2, array(connection, "varchar", ids));
                update.setArray(3, array(connection, "int8", rates));
                update.executeUpdate();
            }
        }
    }

    @Override
    void lowerBalances(Connection connection, Map<AccountId, Long> charged) throws SQLException {
        String[] ids = charged.keySet().stream().map(AccountId::toString).toArray(String[]::new);
        Long[] amounts = charged.values().toArray(Long[]::new);
        try (PreparedStatement update = connection.prepareStatement("UPDATE account AS a SET balance_minor = a.balance_minor - c.amount "
                + "FROM unnest(?, ?) AS c(id, amount) WHERE a.id = c.id")) {
            update.setArray(1, array(connection, "varchar", ids));
            update.setArray(2, array(connection, "int8", amounts));
            update.executeUpdate();
        }
    }

    @Override
    boolean lowerBalancesIfUnchanged(Connection connection, Map<AccountId, Long> charged, Map<AccountId, Long> expected) throws SQLException {
        String[] ids = charged.keySet().stream().map(AccountId::toString).toArray(String[]::new);
        Long[] amounts = charged.values().toArray(Long[]::new);
        Long[] before = charged.keySet().stream().map(expected::get).toArray(Long[]::new);
        try (PreparedStatement update = connection.prepareStatement("UPDATE account AS a SET balance_minor = a.balance_minor - c.amount "
                + "FROM unnest(?, ?, ?) AS c(id, amount, expected) WHERE a.id = c.id AND a.balance_minor = c.expected")) {
            update.setArray(1, array(connection, "varchar", ids));
            update.setArray(2, array(connection, "int8", amounts));
            update.setArray(3, array(connection, "int8", before));
            return update.executeUpdate() == ids.length;
        }
    }

    @Override
    boolean updateCoverageIfUnchanged(Connection connection, List<DailyCharge> charges) throws SQLException {
        Map<Instant, List<DailyCharge>> byEnd = new java.util.TreeMap<>();
        charges.forEach(charge -> byEnd.computeIfAbsent(charge.paidUntil(), end -> new ArrayList<>()).add(charge));
        for (Map.Entry<Instant, List<DailyCharge>> end : byEnd.entrySet()) {
            List<DailyCharge> same = end.getValue();
            String[] ids = same.stream().map(c -> c.instance().id().toString()).toArray(String[]::new);
            Long[] rates = same.stream().map(c -> c.entry().rate().orElseThrow().minorUnits()).toArray(Long[]::new);
            Long[] versions = same.stream().map(c -> c.instance().version()).toArray(Long[]::new);
            try (PreparedStatement update = connection.prepareStatement("UPDATE instance AS i SET paid_until = ?, paid_rate_minor = c.rate, "
                    + "version = i.version + 1 FROM unnest(?, ?, ?) AS c(id, rate, version) WHERE i.id = c.id AND i.version = c.version")) {
                Jdbc.setInstant(update, 1, end.getKey());
                update.setArray(2, array(connection, "varchar", ids));
                update.setArray(3, array(connection, "int8", rates));
                update.setArray(4, array(connection, "int8", versions));
                if (update.executeUpdate() != ids.length) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    boolean disableIfUnchanged(Connection connection, List<DueInstance> disabled) throws SQLException {
        if (disabled.isEmpty()) {
            return true;
        }
        String[] ids = disabled.stream().map(d -> d.id().toString()).toArray(String[]::new);
        Long[] versions = disabled.stream().map(DueInstance::version).toArray(Long[]::new);
        try (PreparedStatement update = connection.prepareStatement("UPDATE instance AS i SET state = 'DISABLED', "
                + "disable_reason = 'INSUFFICIENT_FUNDS', version = i.version + 1 FROM unnest(?, ?) AS c(id, version) "
                + "WHERE i.id = c.id AND i.version = c.version")) {
            update.setArray(1, array(connection, "varchar", ids));
            update.setArray(2, array(connection, "int8", versions));
            return update.executeUpdate() == ids.length;
        }
    }

    private static List<Long> nextIds(Connection connection, int count) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT nextval(pg_get_serial_sequence('ledger_entry', 'id')) FROM generate_series(1, ?)")) {
            select.setInt(1, count);
            List<Long> ids = new ArrayList<>(count);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        }
    }

    private static Array array(Connection connection, String type, Object[] values) throws SQLException {
        return connection.createArrayOf(type, values);
    }

    /** A CSV field: NULL as nothing, text quoted with its quotes doubled. */
    private static void text(StringBuilder csv, String value) {
        if (value != null) {
            csv.append('"').append(value.indexOf('"') < 0 ? value : value.replace("\"", "\"\"")).append('"');
        }
        csv.append(',');
    }
}
