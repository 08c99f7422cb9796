package org.dmscloud.acs.internal.tasks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.dmscloud.acs.internal.cwmp.CwmpMessage;
import org.dmscloud.api.acs.DeviceTask;
import org.dmscloud.api.acs.NewTask;
import org.dmscloud.api.acs.ParameterValue;
import org.dmscloud.api.acs.TaskKind;
import org.dmscloud.api.acs.TaskState;
import org.dmscloud.api.customer.InvalidInputException;
import org.dmscloud.persistence.Transaction;
import org.dmscloud.persistence.jdbc.Jdbc;

/**
 * The tasks customers queue for their devices, in the order they were queued: each is sent in the device's next
 * session, as an RPC whose {@code cwmp:ID} is the task's id, and the device's answer to that ID finishes it. A task
 * sent in a session that broke off before the answer is sent again in the next one.
 */
public final class DeviceTasks {

    /** Tasks waiting for one device at most: a customer's script that loops fills no device's queue without end. */
    static final int MAX_WAITING = 20;
    static final int LATEST = 50;
    private static final String ASKED = "ASKED";
    private static final String ANSWERED = "ANSWERED";

    private final Jdbc jdbc;

    private DeviceTasks(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public static DeviceTasks in(Transaction transaction) {
        return new DeviceTasks(Jdbc.of(transaction));
    }

    /** Queues a task for a device the caller found at its instance. */
    public DeviceTask queue(String deviceId, NewTask task, Instant now) {
        TaskRules.check(task);
        return jdbc.call(connection -> {
            try (PreparedStatement lock = connection.prepareStatement("SELECT id FROM acs_device WHERE id = ? FOR UPDATE")) {
                lock.setString(1, deviceId);
                lock.executeQuery().close();
            }
            long sequence;
            try (PreparedStatement waiting = connection.prepareStatement("SELECT COUNT(CASE WHEN state IN ('QUEUED', 'SENT') THEN 1 END), "
                    + "COALESCE(MAX(queue_order), 0) FROM acs_task WHERE device_id = ?")) {
                waiting.setString(1, deviceId);
                try (ResultSet row = waiting.executeQuery()) {
                    row.next();
                    if (row.getLong(1) >= MAX_WAITING) {
                        throw new InvalidInputException(Map.of("kind", MAX_WAITING + " tasks already wait for this device's next session."));
                    }
                    sequence = row.getLong(2) + 1;
                }
            }
            String id = UUID.randomUUID().toString();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO acs_task (id, device_id, queue_order, kind, state, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, id);
                insert.setString(2, deviceId);
                insert.setLong(3, sequence);
                insert.setString(4, task.kind().name());
                insert.setString(5, TaskState.QUEUED.name());
                Jdbc.setInstant(insert, 6, now);
                insert.executeUpdate();
            }
            List<ParameterValue> asked = task.kind() == TaskKind.GET_PARAMETER_VALUES
                    ? task.names().stream().map(name -> new ParameterValue(name, "", "")).toList()
                    : task.values();
            parameters(connection, id, ASKED, asked);
            return load(connection, id).orElseThrow();
        });
    }

    /** The device's next task, marked sent: the oldest queued, or one sent in a session that broke off. */
    public Optional<DeviceTask> next(String deviceId, Instant now) {
        return jdbc.call(connection -> {
            String id;
            try (PreparedStatement select = connection.prepareStatement("SELECT id FROM acs_task WHERE device_id = ? AND state IN ('QUEUED', 'SENT') "
                    + "ORDER BY queue_order LIMIT 1")) {
                select.setString(1, deviceId);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.<DeviceTask>empty();
                    }
                    id = row.getString(1);
                }
            }
            try (PreparedStatement sent = connection.prepareStatement("UPDATE acs_task SET state = 'SENT', sent_at = ? WHERE id = ?")) {
                Jdbc.setInstant(sent, 1, now);
                sent.setString(2, id);
                sent.executeUpdate();
            }
            return load(connection, id);
        });
    }

    /**
     * Finishes the sent task the device's answer names by its {@code cwmp:ID}: done with what it read, or failed with
     * its fault. An answer to no task of this device changes nothing.
     */
    public boolean answer(String deviceId, CwmpMessage answer, Instant now) {
        Optional<String> taskId = answer.id();
        if (taskId.isEmpty()) {
            return false;
        }
        return jdbc.call(connection -> {
            Optional<CwmpMessage.CpeFault> fault = answer.fault();
            try (PreparedStatement finish = connection.prepareStatement("UPDATE acs_task SET state = ?, finished_at = ?, fault_code = ?, fault_string = ? "
                    + "WHERE id = ? AND device_id = ? AND state = 'SENT'")) {
                finish.setString(1, fault.isPresent() ? TaskState.FAILED.name() : TaskState.DONE.name());
                Jdbc.setInstant(finish, 2, now);
                Jdbc.setNullableLong(finish, 3, fault.map(f -> (long) f.code()).orElse(null));
                finish.setString(4, fault.map(f -> Jdbc.fit(f.string(), 256)).orElse(null));
                finish.setString(5, taskId.get());
                finish.setString(6, deviceId);
                if (finish.executeUpdate() == 0) {
                    return false;
                }
            }
            Map<String, String> answered = fault.map(CwmpMessage.CpeFault::parameterFaults).orElse(answer.values());
            parameters(connection, taskId.get(), ANSWERED, answered.entrySet().stream()
                    .map(e -> new ParameterValue(Jdbc.fit(e.getKey(), TaskRules.MAX_NAME), Jdbc.fit(e.getValue(), TaskRules.MAX_VALUE), "")).toList());
            return true;
        });
    }

    /** The device's latest tasks, newest first. */
    public List<DeviceTask> latest(String deviceId) {
        return jdbc.call(connection -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id FROM acs_task WHERE device_id = ? ORDER BY queue_order DESC LIMIT ?")) {
                select.setString(1, deviceId);
                select.setInt(2, LATEST);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        ids.add(row.getString(1));
                    }
                }
            }
            List<DeviceTask> tasks = new ArrayList<>();
            for (String id : ids) {
                load(connection, id).ifPresent(tasks::add);
            }
            return tasks;
        });
    }

    private static void parameters(Connection connection, String taskId, String role, List<ParameterValue> parameters) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO acs_task_parameter (task_id, role, position, name, value_type, parameter_value) "
                + "VALUES (?, ?, ?, ?, ?, ?)")) {
            int position = 0;
            for (ParameterValue parameter : parameters) {
                insert.setString(1, taskId);
                insert.setString(2, role);
                insert.setInt(3, position++);
                insert.setString(4, parameter.name());
                insert.setString(5, parameter.type());
                insert.setString(6, parameter.value());
                insert.addBatch();
            }
            if (position > 0) {
                insert.executeBatch();
            }
        }
    }

    private static Optional<DeviceTask> load(Connection connection, String id) throws SQLException {
        List<ParameterValue> asked = new ArrayList<>();
        List<ParameterValue> answered = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT role, name, value_type, parameter_value FROM acs_task_parameter WHERE task_id = ? "
                + "ORDER BY role, position")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    ParameterValue parameter = new ParameterValue(row.getString("name"), nonNull(row.getString("parameter_value")), nonNull(row.getString("value_type")));
                    (ASKED.equals(row.getString("role")) ? asked : answered).add(parameter);
                }
            }
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT device_id, kind, state, created_at, sent_at, finished_at, fault_code, "
                + "fault_string FROM acs_task WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                TaskKind kind = TaskKind.valueOf(row.getString("kind"));
                boolean reads = kind == TaskKind.GET_PARAMETER_VALUES;
                return Optional.of(new DeviceTask(id, row.getString("device_id"), kind, TaskState.valueOf(row.getString("state")),
                        reads ? asked.stream().map(ParameterValue::name).toList() : List.of(), reads ? List.of() : asked, answered,
                        Jdbc.getOptionalLong(row, "fault_code").map(Long::intValue), Optional.ofNullable(row.getString("fault_string")),
                        Jdbc.getInstant(row, "created_at"), Jdbc.getOptionalInstant(row, "sent_at"), Jdbc.getOptionalInstant(row, "finished_at")));
            }
        }
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
