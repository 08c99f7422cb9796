package ${package};

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;

import org.dmscloud.persistence.Schema;
import org.dmscloud.persistence.Store;
import org.dmscloud.spi.instance.InstanceEvent;
import org.dmscloud.spi.instance.InstanceEventListener;
import org.dmscloud.spi.tenant.TenantScope;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Keeps the instances that have the add-on in this bundle's own table: their expected devices, whether
 * the add-on is active (the instance runs and has it), and the days it has been charged. Written in
 * the platform's delivery transaction, so each event counts once; an event older than the row's last one is
 * a redelivery and changes nothing.
 */
@Component(property = { InstanceEventListener.NAME + "=instances", TenantScope.PROPERTY + "=" + AddOn.TENANT })
public class AddOnInstances implements InstanceEventListener {

    private final Store store;

    @Activate
    public AddOnInstances(@Reference Store store, @Reference(target = "(" + Schema.BUNDLE + "=" + AddOn.BUNDLE + ")") Schema tables) {
        this.store = store;
    }

    @Override
    public void onEvent(InstanceEvent event) {
        store.inTransaction(tx -> {
            try {
                record(tx.connection(), event);
            } catch (SQLException e) {
                throw new IllegalStateException("${optionId} could not record " + event + ": " + e.getMessage(), e);
            }
            return null;
        });
    }

    private static void record(Connection connection, InstanceEvent event) throws SQLException {
        long lastEvent = lastEvent(connection, event);
        boolean hasAddOn = event.configuration().optionIds().contains(AddOn.OPTION_ID);
        if (lastEvent < 0) {
            if (hasAddOn) {
                insert(connection, event);
            }
            return;
        }
        if (lastEvent >= event.id()) {
            return; // heard already
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE ${table} SET expected_devices = ?, active = ?, "
                + "charged_days = charged_days + ?, last_event_id = ?, updated_at = ? WHERE instance_id = ?")) {
            update.setLong(1, event.configuration().expectedDevices());
            update.setBoolean(2, active(event, hasAddOn));
            update.setInt(3, event.type() == InstanceEvent.Type.CHARGED && hasAddOn ? 1 : 0);
            update.setLong(4, event.id());
            update.setObject(5, event.occurredAt().atOffset(ZoneOffset.UTC));
            update.setString(6, event.instance().toString());
            update.executeUpdate();
        }
    }

    /** The id of the last event recorded for the instance, or -1 when it has no row. */
    private static long lastEvent(Connection connection, InstanceEvent event) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT last_event_id FROM ${table} WHERE instance_id = ? FOR UPDATE")) {
            select.setString(1, event.instance().toString());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : -1;
            }
        }
    }

    private static void insert(Connection connection, InstanceEvent event) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ${table} (instance_id, account_id, "
                + "expected_devices, active, charged_days, last_event_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, event.instance().toString());
            insert.setString(2, event.account().toString());
            insert.setLong(3, event.configuration().expectedDevices());
            insert.setBoolean(4, active(event, true));
            insert.setInt(5, event.type() == InstanceEvent.Type.CHARGED ? 1 : 0);
            insert.setLong(6, event.id());
            insert.setObject(7, event.occurredAt().atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    private static boolean active(InstanceEvent event, boolean hasAddOn) {
        return hasAddOn && event.state() == org.dmscloud.api.instance.InstanceState.ENABLED;
    }
}
