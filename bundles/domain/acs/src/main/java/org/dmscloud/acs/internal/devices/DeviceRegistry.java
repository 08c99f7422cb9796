package org.dmscloud.acs.internal.devices;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.dmscloud.api.acs.Device;
import org.dmscloud.api.acs.DevicePage;

import org.dmscloud.acs.internal.cwmp.Inform;
import org.dmscloud.persistence.Transaction;
import org.dmscloud.persistence.jdbc.Jdbc;

/**
 * The devices of an instance, as their Informs tell them, and its limit: an instance takes up to its expected CPE
 * devices. A device it knows always gets in (its software version, connection request URL and last inform kept up to
 * date); a new one beyond the limit is refused and counted, so that the customer sees how many were turned away.
 * The instance's endpoint row is locked first, so that two new devices informing at once cannot both take the last
 * place, whichever node they reach.
 */
public final class DeviceRegistry {

    static final String SOFTWARE_VERSION = ".DeviceInfo.SoftwareVersion";
    static final String CONNECTION_REQUEST_URL = ".ManagementServer.ConnectionRequestURL";

    private final Jdbc jdbc;

    private DeviceRegistry(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The registry in this transaction. */
    public static DeviceRegistry in(Transaction transaction) {
        return new DeviceRegistry(Jdbc.of(transaction));
    }

    /** What an Inform found: the device let in (known, or new within the limit), or refused. */
    public enum Outcome {
        KNOWN, ADDED, REFUSED
    }

    /** An Inform's outcome, and the device's id when it was let in. */
    public record Admission(Outcome outcome, Optional<String> deviceId) {

        static Admission refused() {
            return new Admission(Outcome.REFUSED, Optional.empty());
        }
    }

    /**
     * Registers an Inform of a device at this instance.
     *
     * @param limit the instance's expected CPE devices
     */
    public Admission inform(String instanceId, long limit, Inform inform, Instant now) {
        return jdbc.call(connection -> {
            Inform.DeviceId id = inform.device();
            // A known device's Inform takes no lock: informs of an instance's devices run side by side.
            Optional<String> known = known(connection, instanceId, id);
            if (known.isPresent()) {
                informed(connection, known.get(), inform, now);
                return new Admission(Outcome.KNOWN, known);
            }
            // A new device is admitted under the endpoint row's lock, against the count kept on that row, so that two
            // first Informs at once cannot both take the last place, and no Inform counts the instance's devices.
            long devices;
            try (PreparedStatement lock = connection.prepareStatement("SELECT device_count FROM acs_endpoint WHERE instance_id = ? FOR UPDATE")) {
                lock.setString(1, instanceId);
                try (ResultSet row = lock.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalStateException("instance " + instanceId + " has no ACS endpoint");
                    }
                    devices = row.getLong(1);
                }
            }
            // The same device's first Inform in another session may have added it while this one waited for the lock.
            known = known(connection, instanceId, id);
            if (known.isPresent()) {
                informed(connection, known.get(), inform, now);
                return new Admission(Outcome.KNOWN, known);
            }
            if (devices >= limit) {
                refused(connection, instanceId, id, now);
                return Admission.refused();
            }
            String deviceId = UUID.randomUUID().toString();
            String events = events(inform);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO acs_device (id, instance_id, oui, product_class, serial_number, "
                    + "manufacturer, software_version, connection_request_url, last_events, first_inform_at, last_inform_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, deviceId);
                insert.setString(2, instanceId);
                insert.setString(3, id.oui());
                insert.setString(4, id.productClass());
                insert.setString(5, id.serialNumber());
                insert.setString(6, Jdbc.fit(id.manufacturer(), 64));
                insert.setString(7, Jdbc.fit(parameter(inform, SOFTWARE_VERSION), 64));
                insert.setString(8, Jdbc.fit(parameter(inform, CONNECTION_REQUEST_URL), 256));
                insert.setString(9, Jdbc.fit(events, 512));
                Jdbc.setInstant(insert, 10, now);
                Jdbc.setInstant(insert, 11, now);
                insert.executeUpdate();
            }
            try (PreparedStatement counted = connection.prepareStatement("UPDATE acs_endpoint SET device_count = device_count + 1 WHERE instance_id = ?")) {
                counted.setString(1, instanceId);
                counted.executeUpdate();
            }
            return new Admission(Outcome.ADDED, Optional.of(deviceId));
        });
    }

    /** A known device's Inform: what it said of itself now. */
    private static void informed(Connection connection, String deviceId, Inform inform, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE acs_device SET manufacturer = ?, software_version = ?, "
                + "connection_request_url = ?, last_events = ?, last_inform_at = ? WHERE id = ?")) {
            update.setString(1, Jdbc.fit(inform.device().manufacturer(), 64));
            update.setString(2, Jdbc.fit(parameter(inform, SOFTWARE_VERSION), 64));
            update.setString(3, Jdbc.fit(parameter(inform, CONNECTION_REQUEST_URL), 256));
            update.setString(4, Jdbc.fit(events(inform), 512));
            Jdbc.setInstant(update, 5, now);
            update.setString(6, deviceId);
            update.executeUpdate();
        }
    }

    private static String events(Inform inform) {
        return String.join(",", inform.events().stream().map(Inform.Event::code).toList());
    }

    private static Optional<String> known(Connection connection, String instanceId, Inform.DeviceId id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM acs_device WHERE instance_id = ? AND oui = ? AND product_class = ? "
                + "AND serial_number = ?")) {
            identify(select, 1, instanceId, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    /** Whether this device informed this instance. */
    public boolean knows(String instanceId, String deviceId) {
        return jdbc.call(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM acs_device WHERE id = ? AND instance_id = ?")) {
                select.setString(1, deviceId);
                select.setString(2, instanceId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next();
                }
            }
        });
    }

    /** A page of the instance's devices, most recently informed first, whose serial number, product class or OUI contains the search. */
    public DevicePage page(String instanceId, String search, int offset, int limit) {
        String like = "%" + search.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String where = " WHERE instance_id = ? AND (LOWER(serial_number) LIKE ? ESCAPE '\\' OR LOWER(product_class) LIKE ? ESCAPE '\\' "
                + "OR LOWER(oui) LIKE ? ESCAPE '\\')";
        return jdbc.call(connection -> {
            long total;
            try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM acs_device" + where)) {
                matching(count, instanceId, like);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    total = row.getLong(1);
                }
            }
            List<Device> devices = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id, oui, product_class, serial_number, manufacturer, software_version, "
                    + "connection_request_url, last_events, first_inform_at, last_inform_at FROM acs_device" + where
                    + " ORDER BY last_inform_at DESC, id LIMIT ? OFFSET ?")) {
                matching(select, instanceId, like);
                select.setInt(5, limit);
                select.setInt(6, offset);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        String events = row.getString("last_events");
                        devices.add(new Device(row.getString("id"), row.getString("oui"), row.getString("product_class"), row.getString("serial_number"),
                                row.getString("manufacturer"), row.getString("software_version"), row.getString("connection_request_url"),
                                events.isEmpty() ? List.of() : List.of(events.split(",")), Jdbc.getInstant(row, "first_inform_at"),
                                Jdbc.getInstant(row, "last_inform_at")));
                    }
                }
            }
            return new DevicePage(devices, total, offset, limit);
        });
    }

    private static void matching(PreparedStatement statement, String instanceId, String like) throws SQLException {
        statement.setString(1, instanceId);
        statement.setString(2, like);
        statement.setString(3, like);
        statement.setString(4, like);
    }

    /** How many devices the instance knows, and how many distinct new ones it refused. */
    public record Counts(long devices, long refused) {
    }

    public Counts counts(String instanceId) {
        return jdbc.call(connection -> new Counts(count(connection, "SELECT COALESCE(MAX(device_count), 0) FROM acs_endpoint WHERE instance_id = ?", instanceId),
                count(connection, "SELECT COUNT(*) FROM acs_refused_device WHERE instance_id = ?", instanceId)));
    }

    private static long count(Connection connection, String sql, String instanceId) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(sql)) {
            count.setString(1, instanceId);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /**
     * Distinct refused devices remembered per instance, at most: a client with the instance's credentials that makes up
     * serial numbers without end fills no table; beyond this the refusals go on, uncounted.
     */
    static final long MAX_REFUSED_REMEMBERED = 10_000;

    private static void refused(Connection connection, String instanceId, Inform.DeviceId id, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE acs_refused_device SET attempts = attempts + 1, last_refused_at = ? "
                + "WHERE instance_id = ? AND oui = ? AND product_class = ? AND serial_number = ?")) {
            Jdbc.setInstant(update, 1, now);
            identify(update, 2, instanceId, id);
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        if (count(connection, "SELECT COUNT(*) FROM acs_refused_device WHERE instance_id = ?", instanceId) >= MAX_REFUSED_REMEMBERED) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO acs_refused_device (instance_id, oui, product_class, serial_number, "
                + "attempts, last_refused_at) VALUES (?, ?, ?, ?, 1, ?)")) {
            identify(insert, 1, instanceId, id);
            Jdbc.setInstant(insert, 5, now);
            insert.executeUpdate();
        }
    }

    private static void identify(PreparedStatement statement, int first, String instanceId, Inform.DeviceId id) throws SQLException {
        statement.setString(first, instanceId);
        statement.setString(first + 1, id.oui());
        statement.setString(first + 2, id.productClass());
        statement.setString(first + 3, id.serialNumber());
    }

    /** A parameter the Inform reports under either data model's root (InternetGatewayDevice. or Device.). */
    private static String parameter(Inform inform, String suffix) {
        Optional<String> value = inform.parameters().entrySet().stream().filter(p -> p.getKey().endsWith(suffix)).map(java.util.Map.Entry::getValue)
                .findFirst();
        return value.orElse("");
    }
}
