package org.dmscloud.acs.internal.devices;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

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

    /**
     * Registers an Inform of a device at this instance.
     *
     * @param limit the instance's expected CPE devices
     */
    public Outcome inform(String instanceId, long limit, Inform inform, Instant now) {
        return jdbc.call(connection -> {
            try (PreparedStatement lock = connection.prepareStatement("SELECT instance_id FROM acs_endpoint WHERE instance_id = ? FOR UPDATE")) {
                lock.setString(1, instanceId);
                try (ResultSet row = lock.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalStateException("instance " + instanceId + " has no ACS endpoint");
                    }
                }
            }
            Inform.DeviceId id = inform.device();
            String events = String.join(",", inform.events().stream().map(Inform.Event::code).toList());
            try (PreparedStatement update = connection.prepareStatement("UPDATE acs_device SET manufacturer = ?, software_version = ?, "
                    + "connection_request_url = ?, last_events = ?, last_inform_at = ? WHERE instance_id = ? AND oui = ? AND product_class = ? "
                    + "AND serial_number = ?")) {
                update.setString(1, Jdbc.fit(id.manufacturer(), 64));
                update.setString(2, Jdbc.fit(parameter(inform, SOFTWARE_VERSION), 64));
                update.setString(3, Jdbc.fit(parameter(inform, CONNECTION_REQUEST_URL), 256));
                update.setString(4, Jdbc.fit(events, 512));
                Jdbc.setInstant(update, 5, now);
                identify(update, 6, instanceId, id);
                if (update.executeUpdate() == 1) {
                    return Outcome.KNOWN;
                }
            }
            long devices;
            try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM acs_device WHERE instance_id = ?")) {
                count.setString(1, instanceId);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    devices = row.getLong(1);
                }
            }
            if (devices >= limit) {
                refused(connection, instanceId, id, now);
                return Outcome.REFUSED;
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO acs_device (id, instance_id, oui, product_class, serial_number, "
                    + "manufacturer, software_version, connection_request_url, last_events, first_inform_at, last_inform_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, UUID.randomUUID().toString());
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
            return Outcome.ADDED;
        });
    }

    /** How many devices the instance knows, and how many distinct new ones it refused. */
    public record Counts(long devices, long refused) {
    }

    public Counts counts(String instanceId) {
        return jdbc.call(connection -> new Counts(count(connection, "SELECT COUNT(*) FROM acs_device WHERE instance_id = ?", instanceId),
                count(connection, "SELECT COUNT(*) FROM acs_refused_device WHERE instance_id = ?", instanceId)));
    }

    private static long count(java.sql.Connection connection, String sql, String instanceId) throws java.sql.SQLException {
        try (PreparedStatement count = connection.prepareStatement(sql)) {
            count.setString(1, instanceId);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static void refused(java.sql.Connection connection, String instanceId, Inform.DeviceId id, Instant now) throws java.sql.SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE acs_refused_device SET attempts = attempts + 1, last_refused_at = ? "
                + "WHERE instance_id = ? AND oui = ? AND product_class = ? AND serial_number = ?")) {
            Jdbc.setInstant(update, 1, now);
            identify(update, 2, instanceId, id);
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO acs_refused_device (instance_id, oui, product_class, serial_number, "
                + "attempts, last_refused_at) VALUES (?, ?, ?, ?, 1, ?)")) {
            identify(insert, 1, instanceId, id);
            Jdbc.setInstant(insert, 5, now);
            insert.executeUpdate();
        }
    }

    private static void identify(PreparedStatement statement, int first, String instanceId, Inform.DeviceId id) throws java.sql.SQLException {
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
