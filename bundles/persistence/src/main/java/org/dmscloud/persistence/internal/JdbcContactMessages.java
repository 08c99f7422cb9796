package org.dmscloud.persistence.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.dmscloud.api.contact.ContactMessage;
import org.dmscloud.api.contact.ContactTopic;
import org.dmscloud.persistence.ContactMessages;

final class JdbcContactMessages implements ContactMessages {

    private final Jdbc jdbc;

    JdbcContactMessages(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ContactMessage add(ContactMessage message) {
        long id = jdbc.call(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO contact_message (name, email, company, topic, message, "
                    + "client_address, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", new String[] { "id" })) {
                insert.setString(1, message.name());
                insert.setString(2, message.email());
                insert.setString(3, message.company());
                insert.setString(4, message.topic().name());
                insert.setString(5, message.message());
                insert.setString(6, message.clientAddress());
                Jdbc.setInstant(insert, 7, message.createdAt());
                insert.executeUpdate();
                return Jdbc.generatedId(insert);
            }
        });
        return new ContactMessage(id, message.name(), message.email(), message.company(), message.topic(), message.message(),
                message.clientAddress(), message.createdAt());
    }

    @Override
    public int countSince(Optional<String> clientAddress, Instant since) {
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

    @Override
    public List<ContactMessage> latest(Optional<ContactTopic> topic, int limit) {
        return jdbc.call(connection -> {
            try (PreparedStatement select = connection.prepareStatement(topic.isPresent()
                    ? "SELECT * FROM contact_message WHERE topic = ? ORDER BY id DESC FETCH FIRST ? ROWS ONLY"
                    : "SELECT * FROM contact_message ORDER BY id DESC FETCH FIRST ? ROWS ONLY")) {
                int index = 1;
                if (topic.isPresent()) {
                    select.setString(index++, topic.get().name());
                }
                select.setInt(index, limit);
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

    @Override
    public Optional<ContactMessage> find(long id) {
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
        return new ContactMessage(row.getLong("id"), row.getString("name"), row.getString("email"), row.getString("company"),
                ContactTopic.valueOf(row.getString("topic")), row.getString("message"), row.getString("client_address"),
                Jdbc.getInstant(row, "created_at"));
    }
}
