package org.dmscloud.payments.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;

import org.dmscloud.persistence.jdbc.Jdbc;


final class JdbcPaymentEvents implements PaymentEvents {

    private final Jdbc jdbc;

    JdbcPaymentEvents(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean record(String providerId, String eventId, String type, String payload, String outcome, Instant at) {
        return jdbc.call(connection -> {
            boolean first = Jdbc.unlessDuplicate(connection, () -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO payment_event (provider_id, event_id, event_type, "
                        + "outcome, payload, deliveries, received_at, last_delivery_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?)")) {
                    insert.setString(1, providerId);
                    insert.setString(2, eventId);
                    insert.setString(3, Jdbc.fit(type, 128));
                    insert.setString(4, Jdbc.fit(outcome, 1000));
                    insert.setString(5, payload);
                    Jdbc.setInstant(insert, 6, at);
                    Jdbc.setInstant(insert, 7, at);
                    insert.executeUpdate();
                }
            });
            if (!first) {
                try (PreparedStatement update = connection.prepareStatement("UPDATE payment_event SET deliveries = deliveries + 1, "
                        + "last_delivery_at = ? WHERE provider_id = ? AND event_id = ?")) {
                    Jdbc.setInstant(update, 1, at);
                    update.setString(2, providerId);
                    update.setString(3, eventId);
                    update.executeUpdate();
                }
            }
            return first;
        });
    }

    @Override
    public int deliveries(String providerId, String eventId) {
        return jdbc.call(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT deliveries FROM payment_event WHERE provider_id = ? AND event_id = ?")) {
                select.setString(1, providerId);
                select.setString(2, eventId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? row.getInt(1) : 0;
                }
            }
        });
    }
}
