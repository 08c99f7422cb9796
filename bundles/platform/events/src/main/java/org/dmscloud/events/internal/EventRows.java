package org.dmscloud.events.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.instance.DisableReason;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.instance.InstanceState;
import org.dmscloud.api.money.Money;
import org.dmscloud.spi.instance.InstanceEvent;

/** Events as rows of {@code instance_event}: the one place that maps them, both ways. */
final class EventRows {

    private static final String COLUMNS = "event_type, occurred_at, instance_id, account_id, tenant_id, package_id, expected_devices, "
            + "option_ids, state, disable_reason, paid_until, paid_rate_minor, currency, balance_change_minor, ledger_entry_id";

    private EventRows() {
    }

    /** Inserts the events in one batch, in their order (so their ids follow it). */
    static void insert(Connection connection, List<InstanceEvent> events) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO instance_event (" + COLUMNS + ") "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (InstanceEvent event : events) {
                insert.setString(1, event.type().name());
                insert.setObject(2, event.occurredAt().atOffset(ZoneOffset.UTC));
                insert.setString(3, event.instance().toString());
                insert.setString(4, event.account().toString());
                insert.setString(5, event.tenant().value());
                insert.setString(6, event.configuration().packageId());
                insert.setLong(7, event.configuration().expectedDevices());
                // Option ids are slugs, never with a comma.
                insert.setString(8, String.join(",", event.configuration().optionIds()));
                insert.setString(9, event.state().name());
                insert.setString(10, event.disableReason().map(Enum::name).orElse(null));
                insert.setObject(11, event.paidUntil().atOffset(ZoneOffset.UTC));
                insert.setLong(12, event.paidRate().minorUnits());
                insert.setString(13, event.paidRate().currencyCode());
                insert.setLong(14, event.balanceChange().minorUnits());
                if (event.ledgerEntry().isPresent()) {
                    insert.setLong(15, event.ledgerEntry().getAsLong());
                } else {
                    insert.setNull(15, Types.BIGINT);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The events after a position, in position order, at most {@code limit}. */
    static List<Positioned> after(Connection connection, long position, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id, position, " + COLUMNS + " FROM instance_event "
                + "WHERE position > ? ORDER BY position FETCH FIRST ? ROWS ONLY")) {
            select.setLong(1, position);
            select.setInt(2, limit);
            List<Positioned> events = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(new Positioned(rows.getLong("position"), read(rows)));
                }
            }
            return events;
        }
    }

    private static InstanceEvent read(ResultSet row) throws SQLException {
        Currency currency = Currency.getInstance(row.getString("currency"));
        String options = row.getString("option_ids");
        InstanceEvent.Builder event = InstanceEvent.builder()
                .id(row.getLong("id"))
                .type(InstanceEvent.Type.valueOf(row.getString("event_type")))
                .occurredAt(instant(row, "occurred_at"))
                .instance(new InstanceId(UUID.fromString(row.getString("instance_id"))))
                .account(new AccountId(UUID.fromString(row.getString("account_id"))))
                .tenant(new TenantId(row.getString("tenant_id")))
                .configuration(new InstanceConfiguration(row.getString("package_id"), row.getLong("expected_devices"),
                        options.isEmpty() ? new TreeSet<>() : new TreeSet<>(Arrays.asList(options.split(",")))))
                .state(InstanceState.valueOf(row.getString("state")))
                .paidUntil(instant(row, "paid_until"))
                .paidRate(Money.ofMinor(row.getLong("paid_rate_minor"), currency))
                .balanceChange(Money.ofMinor(row.getLong("balance_change_minor"), currency));
        String reason = row.getString("disable_reason");
        if (reason != null) {
            event.disableReason(DisableReason.valueOf(reason));
        }
        long ledgerEntry = row.getLong("ledger_entry_id");
        if (!row.wasNull()) {
            event.ledgerEntry(ledgerEntry);
        }
        return event.build();
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** An event and the position it was given after it committed. */
    record Positioned(long position, InstanceEvent event) {
    }
}
