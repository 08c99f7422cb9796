package org.dmscloud.contact.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.contact.ContactMessage;
import org.dmscloud.api.contact.ContactTopic;
import org.dmscloud.persistence.Transaction;
import org.dmscloud.persistence.jdbc.Jdbc;

/** The messages of the Contact Us form, table {@code contact_message}, in one transaction. */
final class ContactMessages {

    private final Jdbc jdbc;

    private ContactMessages(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    static ContactMessages in(Transaction transaction) {
        return new ContactMessages(Jdbc.of(transaction));
    }

    /** Stores a message; its id is ignored and the stored one returned. */
    ContactMessage add(ContactMessage message) {
        long id = jdbc.call(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO contact_message (tenant_id, name, email, company, topic, "
                    + "message, client_address, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", new String[] { "id" })) {
                insert.setString(1, message.tenant().value());
                insert.setString(2, message.name());
                insert.setString(3, message.email());
                insert.setString(4, message.company());
                insert.setString(5, message.topic().name());
                insert.setString(6, message.message());
                insert.setString(7, message.clientAddress());
                Jdbc.setInstant(insert, 8, message.createdAt());
                insert.executeUpdate();
                return Jdbc.generatedId(insert);
            }
        });
        return new ContactMessage(id, message.tenant(), message.name(), message.email(), message.company(), message.topic(), message.message(),
                message.clientAddress(), message.createdAt());
    }

    /** How many messages came since {@code since}, from {@code clientAddress} or, if empty, from anywhere. */
    int countSince(Optional<String> clientAddress, Instant since) {
        return jdbc.call(connection -> {
            try (PreparedStatement select = connection.prepareStatement(clientAddress.isPresent()
                    ? "SELECT COUNT(*) FROM contact_message WHERE client_address = ? AND created_at >= ?"
                    : "SELECT COUNT(*) FROM contact_message WHERE created_at >= ?")) {
                int index = 1;
                if (clientAddress.isPresent()) {
                    select.setString(index++, clientAddress.get());
                }
                Jdbc.setInstant(select, index, since);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getInt(1);
                }
            }
        });
    }

    /** The latest messages, newest first, optionally only one tenant's or about one topic. */
    List<ContactMessage> latest(Optional<TenantId> tenant, Optional<ContactTopic> topic, int limit) {
        return jdbc.call(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM contact_message WHERE (? IS NULL OR tenant_id = ?) "
                    + "AND (? IS NULL OR topic = ?) ORDER BY id DESC FETCH FIRST ? ROWS ONLY")) {
                String tenantId = tenant.map(TenantId::value).orElse(null);
                String topicName = topic.map(Enum::name).orElse(null);
                select.setString(1, tenantId);
                select.setString(2, tenantId);
                select.setString(3, topicName);
                select.setString(4, topicName);
                select.setInt(5, limit);
                List<ContactMessage> messages = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        messages.add(read(rows));
                    }
                }
                return messages;
            }
        });
    }

    Optional<ContactMessage> find(long id) {
        return jdbc.call(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM contact_message WHERE id = ?")) {
                select.setLong(1, id);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(read(row)) : Optional.empty();
                }
            }
        });
    }

    private static ContactMessage read(ResultSet row) throws SQLException {
        return new ContactMessage(row.getLong("id"), new TenantId(row.getString("tenant_id")), row.getString("name"), row.getString("email"), row.getString("company"),
                ContactTopic.valueOf(row.getString("topic")), row.getString("message"), row.getString("client_address"),
                Jdbc.getInstant(row, "created_at"));
    }
}
