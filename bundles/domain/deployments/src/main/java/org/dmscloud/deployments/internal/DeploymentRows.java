package org.dmscloud.deployments.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.dmscloud.api.deployment.DeploymentState;
import org.dmscloud.api.deployment.DeploymentStatus;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.persistence.Transaction;
import org.dmscloud.persistence.jdbc.Jdbc;

/**
 * The {@code deployment} table: what each instance's lifecycle asks of its deployment ({@link Desired}, each change
 * a new generation) and what its deployer has done. A node claims a deployment that is behind for a while before it
 * calls the deployer, so that two nodes never work on one instance at once; it records each step's outcome as soon as
 * it has it.
 */
final class DeploymentRows {

    /** What the instance's lifecycle asks for. */
    enum Desired {
        RUNNING, SUSPENDED, DELETED
    }

    /** A deployment as stored. */
    record Row(InstanceId instance, String deployer, Desired desired, long generation, long doneGeneration, boolean settingsPending,
            boolean provisioned, boolean serving, DeploymentState state, Optional<String> reason, int attempts, Instant nextAttemptAt,
            Instant updatedAt) {

        boolean behind() {
            return doneGeneration < generation;
        }

        DeploymentStatus status() {
            return new DeploymentStatus(instance, deployer, state, reason, behind(), attempts, behind() ? Optional.of(nextAttemptAt) : Optional.empty(),
                    updatedAt);
        }
    }

    private final Jdbc jdbc;

    private DeploymentRows(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    static DeploymentRows in(Transaction transaction) {
        return new DeploymentRows(Jdbc.of(transaction));
    }

    /** A new instance's deployment, to provision; nothing if it has one (the event came again). */
    void create(InstanceId instance, String deployer, Desired desired, Instant now) {
        jdbc.call(connection -> Jdbc.unlessDuplicate(connection, () -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO deployment (instance_id, deployer, desired, generation, "
                    + "done_generation, settings_pending, provisioned, serving, state, attempts, next_attempt_at, updated_at) "
                    + "VALUES (?, ?, ?, 1, 0, FALSE, FALSE, FALSE, 'PROVISIONING', 0, ?, ?)")) {
                insert.setString(1, instance.toString());
                insert.setString(2, deployer);
                insert.setString(3, desired.name());
                Jdbc.setInstant(insert, 4, now);
                Jdbc.setInstant(insert, 5, now);
                insert.executeUpdate();
            }
        }));
    }

    /**
     * A change the lifecycle asks for: a new desired state, or new settings to apply; a new generation, due now. An
     * instance without a deployment (made before deployments were) gets one first.
     *
     * @return whether the instance had a deployment to change
     */
    boolean ask(InstanceId instance, Desired desired, boolean newSettings, Instant now) {
        return jdbc.call(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE deployment SET desired = ?, generation = generation + 1, "
                    + "settings_pending = settings_pending OR ?, attempts = 0, next_attempt_at = ?, updated_at = ? WHERE instance_id = ?")) {
                update.setString(1, desired.name());
                update.setBoolean(2, newSettings);
                Jdbc.setInstant(update, 3, now);
                Jdbc.setInstant(update, 4, now);
                update.setString(5, instance.toString());
                return update.executeUpdate() == 1;
            }
        });
    }

    Optional<Row> find(InstanceId instance) {
        return jdbc.call(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM deployment WHERE instance_id = ?")) {
                select.setString(1, instance.toString());
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(row(row)) : Optional.empty();
                }
            }
        });
    }

    /** Deployments behind and due, unclaimed, oldest due first. */
    List<Row> due(Instant now, int limit) {
        return jdbc.call(connection -> {
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM deployment WHERE next_attempt_at <= ? "
                    + "AND done_generation < generation AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY next_attempt_at LIMIT ?")) {
                Jdbc.setInstant(select, 1, now);
                Jdbc.setInstant(select, 2, now);
                select.setInt(3, limit);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        rows.add(row(row));
                    }
                }
            }
            return rows;
        });
    }

    /** Claims the deployment at this generation for a while; false if another node has it, or it changed. */
    boolean claim(Row row, Instant now, Duration hold) {
        return jdbc.call(connection -> {
            try (PreparedStatement claim = connection.prepareStatement("UPDATE deployment SET claimed_until = ? WHERE instance_id = ? "
                    + "AND generation = ? AND (claimed_until IS NULL OR claimed_until < ?)")) {
                Jdbc.setInstant(claim, 1, now.plus(hold));
                claim.setString(2, row.instance().toString());
                claim.setLong(3, row.generation());
                Jdbc.setInstant(claim, 4, now);
                return claim.executeUpdate() == 1;
            }
        });
    }

    /** A step done: what the deployment now is. */
    void stepped(InstanceId instance, boolean provisioned, boolean serving, boolean settingsApplied, Instant now) {
        update("UPDATE deployment SET provisioned = ?, serving = ?, settings_pending = settings_pending AND NOT ?, updated_at = ? WHERE instance_id = ?",
                statement -> {
                    statement.setBoolean(1, provisioned);
                    statement.setBoolean(2, serving);
                    statement.setBoolean(3, settingsApplied);
                    Jdbc.setInstant(statement, 4, now);
                    statement.setString(5, instance.toString());
                });
    }

    /** The generation claimed is done: the state it reached, the claim released. */
    void done(Row row, DeploymentState state, Instant now) {
        update("UPDATE deployment SET done_generation = ?, state = ?, reason = NULL, attempts = 0, claimed_until = NULL, updated_at = ? "
                + "WHERE instance_id = ?", statement -> {
                    statement.setLong(1, row.generation());
                    statement.setString(2, state.name());
                    Jdbc.setInstant(statement, 3, now);
                    statement.setString(4, row.instance().toString());
                });
    }

    /** The attempt failed: shown with its reason, tried again after the pause, the claim released. */
    void failed(Row row, String reason, Instant retryAt, Instant now) {
        update("UPDATE deployment SET state = 'FAILED', reason = ?, attempts = attempts + 1, next_attempt_at = ?, claimed_until = NULL, "
                + "updated_at = ? WHERE instance_id = ?", statement -> {
                    statement.setString(1, Jdbc.fit(reason, 512));
                    Jdbc.setInstant(statement, 2, retryAt);
                    Jdbc.setInstant(statement, 3, now);
                    statement.setString(4, row.instance().toString());
                });
    }

    /** Due now, its pauses forgotten; false if nothing was pending. */
    boolean retryNow(InstanceId instance, Instant now) {
        return jdbc.call(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE deployment SET next_attempt_at = ?, attempts = 0 "
                    + "WHERE instance_id = ? AND done_generation < generation")) {
                Jdbc.setInstant(update, 1, now);
                update.setString(2, instance.toString());
                return update.executeUpdate() == 1;
            }
        });
    }

    /** Every pending deployment of this deployer due now: it has just come (back). */
    int wake(String deployer, Instant now) {
        return jdbc.call(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE deployment SET next_attempt_at = ? "
                    + "WHERE deployer = ? AND done_generation < generation AND next_attempt_at > ?")) {
                Jdbc.setInstant(update, 1, now);
                update.setString(2, deployer);
                Jdbc.setInstant(update, 3, now);
                return update.executeUpdate();
            }
        });
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private void update(String sql, Binder binder) {
        jdbc.call(connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                binder.bind(update);
                return update.executeUpdate();
            }
        });
    }

    private static Row row(ResultSet row) throws SQLException {
        return new Row(InstanceId.parse(row.getString("instance_id")), row.getString("deployer"), Desired.valueOf(row.getString("desired")),
                row.getLong("generation"), row.getLong("done_generation"), row.getBoolean("settings_pending"), row.getBoolean("provisioned"),
                row.getBoolean("serving"), DeploymentState.valueOf(row.getString("state")), Optional.ofNullable(row.getString("reason")),
                row.getInt("attempts"), Jdbc.getInstant(row, "next_attempt_at"), Jdbc.getInstant(row, "updated_at"));
    }
}
