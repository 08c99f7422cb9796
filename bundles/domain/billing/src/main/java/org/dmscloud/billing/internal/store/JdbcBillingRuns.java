package org.dmscloud.billing.internal.store;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.dmscloud.api.billing.BillingRun;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.money.Money;
import org.dmscloud.persistence.jdbc.Jdbc;

final class JdbcBillingRuns implements BillingRuns {

    /** Failures kept per run: enough to act on, bounded if a whole catalog breaks. */
    private static final int MAX_FAILURES_KEPT = 1000;

    private final Jdbc jdbc;

    JdbcBillingRuns(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long start(LocalDate day, String node, Instant startedAt) {
        return jdbc.call(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO billing_run (run_day, node, status, started_at) VALUES (?, ?, ?, ?)", new String[] { "id" })) {
                insert.setDate(1, Date.valueOf(day));
                insert.setString(2, node);
                insert.setString(3, BillingRun.Status.RUNNING.name());
                Jdbc.setInstant(insert, 4, startedAt);
                insert.executeUpdate();
                return Jdbc.generatedId(insert);
            }
        });
    }

    @Override
    public void addProgress(long runId, RunProgress progress) {
        jdbc.call(connection -> {
            // Workers of one run add their batches one at a time: the totals' insert-or-update needs it.
            try (PreparedStatement lock = connection.prepareStatement("SELECT id FROM billing_run WHERE id = ? FOR UPDATE")) {
                lock.setLong(1, runId);
                lock.executeQuery().close();
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE billing_run SET charged = charged + ?, "
                    + "disabled = disabled + ?, skipped = skipped + ?, failed = failed + ? WHERE id = ?")) {
                update.setLong(1, progress.charged());
                update.setLong(2, progress.disabled());
                update.setLong(3, progress.skipped());
                update.setLong(4, progress.failures().size());
                update.setLong(5, runId);
                update.executeUpdate();
            }
            Map<String, Long> byCurrency = new TreeMap<>();
            progress.charges().forEach(m -> byCurrency.merge(m.currencyCode(), m.minorUnits(), Long::sum));
            for (Map.Entry<String, Long> total : byCurrency.entrySet()) {
                addTotal(runId, total.getKey(), total.getValue());
            }
            recordFailures(runId, progress.failures());
            return null;
        });
    }

    private void addTotal(long runId, String currency, long minor) throws SQLException {
        try (PreparedStatement update = jdbc.connection().prepareStatement(
                "UPDATE billing_run_total SET amount_minor = amount_minor + ? WHERE run_id = ? AND currency = ?")) {
            update.setLong(1, minor);
            update.setLong(2, runId);
            update.setString(3, currency);
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = jdbc.connection().prepareStatement(
                "INSERT INTO billing_run_total (run_id, currency, amount_minor) VALUES (?, ?, ?)")) {
            insert.setLong(1, runId);
            insert.setString(2, currency);
            insert.setLong(3, minor);
            insert.executeUpdate();
        }
    }

    private void recordFailures(long runId, Map<InstanceId, String> failures) throws SQLException {
        if (failures.isEmpty()) {
            return;
        }
        long kept;
        try (PreparedStatement count = jdbc.connection().prepareStatement("SELECT COUNT(*) FROM billing_run_failure WHERE run_id = ?")) {
            count.setLong(1, runId);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                kept = row.getLong(1);
            }
        }
        try (PreparedStatement insert = jdbc.connection().prepareStatement(
                "INSERT INTO billing_run_failure (run_id, instance_id, reason) VALUES (?, ?, ?)")) {
            for (Map.Entry<InstanceId, String> failure : failures.entrySet()) {
                if (kept++ >= MAX_FAILURES_KEPT) {
                    break;
                }
                insert.setLong(1, runId);
                insert.setString(2, failure.getKey().toString());
                String reason = failure.getValue();
                insert.setString(3, Jdbc.fit(reason, 1000));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @Override
    public List<Long> failCutOff(String node, Instant at) {
        return jdbc.call(connection -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id FROM billing_run WHERE node = ? AND status = ? FOR UPDATE")) {
                select.setString(1, node);
                select.setString(2, BillingRun.Status.RUNNING.name());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
            }
            for (long id : ids) {
                finish(id, BillingRun.Status.FAILED, at);
            }
            return ids;
        });
    }

    @Override
    public List<BillingRun> failAbandoned(Instant startedBefore, Instant at) {
        return jdbc.call(connection -> {
            List<BillingRun> abandoned = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id FROM billing_run WHERE status = ? AND started_at < ? ORDER BY id FOR UPDATE")) {
                select.setString(1, BillingRun.Status.RUNNING.name());
                Jdbc.setInstant(select, 2, startedBefore);
                List<Long> ids = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
                for (long id : ids) {
                    find(id).ifPresent(abandoned::add);
                    finish(id, BillingRun.Status.FAILED, at);
                }
            }
            return abandoned;
        });
    }

    @Override
    public void finish(long runId, BillingRun.Status status, Instant finishedAt) {
        jdbc.call(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE billing_run SET status = ?, finished_at = ? WHERE id = ?")) {
                update.setString(1, status.name());
                Jdbc.setInstant(update, 2, finishedAt);
                update.setLong(3, runId);
                return update.executeUpdate();
            }
        });
    }

    @Override
    public Optional<BillingRun> find(long runId) {
        List<BillingRun> runs = select("SELECT * FROM billing_run WHERE id = ?", runId, 1);
        return runs.stream().findFirst();
    }

    @Override
    public Optional<BillingRun> latest(LocalDate day) {
        Long id = jdbc.call(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT MAX(id) FROM billing_run WHERE run_day = ?")) {
                select.setDate(1, Date.valueOf(day));
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    long max = row.getLong(1);
                    return row.wasNull() ? null : max;
                }
            }
        });
        return id == null ? Optional.empty() : find(id);
    }

    @Override
    public Map<InstanceId, String> failures(long runId) {
        return jdbc.call(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT instance_id, reason FROM billing_run_failure WHERE run_id = ? ORDER BY instance_id")) {
                select.setLong(1, runId);
                Map<InstanceId, String> failures = new LinkedHashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        failures.put(InstanceId.parse(rows.getString(1)), rows.getString(2));
                    }
                }
                return failures;
            }
        });
    }

    @Override
    public List<BillingRun> history(int limit) {
        return select("SELECT * FROM billing_run WHERE id < ? ORDER BY id DESC", Long.MAX_VALUE, limit);
    }

    private List<BillingRun> select(String sql, long parameter, int limit) {
        return jdbc.call(connection -> {
            List<BillingRun> runs = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setLong(1, parameter);
                select.setMaxRows(limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        long id = rows.getLong("id");
                        runs.add(new BillingRun(id, rows.getDate("run_day").toLocalDate(), rows.getString("node"),
                                BillingRun.Status.valueOf(rows.getString("status")), Jdbc.getInstant(rows, "started_at"),
                                Jdbc.getOptionalInstant(rows, "finished_at"), rows.getLong("charged"), rows.getLong("disabled"),
                                rows.getLong("skipped"), rows.getLong("failed"), List.of()));
                    }
                }
            }
            List<BillingRun> withTotals = new ArrayList<>(runs.size());
            for (BillingRun run : runs) {
                withTotals.add(new BillingRun(run.id(), run.day(), run.node(), run.status(), run.startedAt(), run.finishedAt(),
                        run.charged(), run.disabled(), run.skipped(), run.failed(), totals(run.id())));
            }
            return withTotals;
        });
    }

    private List<Money> totals(long runId) throws SQLException {
        try (PreparedStatement select = jdbc.connection().prepareStatement(
                "SELECT currency, amount_minor FROM billing_run_total WHERE run_id = ? ORDER BY currency")) {
            select.setLong(1, runId);
            List<Money> totals = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    totals.add(Money.ofMinor(rows.getLong(2), Currency.getInstance(rows.getString(1))));
                }
            }
            return totals;
        }
    }
}
