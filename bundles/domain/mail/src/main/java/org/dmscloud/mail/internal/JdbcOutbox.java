package org.dmscloud.mail.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.mail.Attachment;
import org.dmscloud.mail.internal.MailRecord.MailStatus;
import org.dmscloud.persistence.jdbc.Jdbc;

final class JdbcOutbox implements Outbox {

    private final Jdbc jdbc;

    JdbcOutbox(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long add(OutgoingMail mail, Instant at) {
        return jdbc.call(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO mail_outbox (tenant_id, sender, kind, recipient, subject, "
                    + "body, status, attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)", new String[] { "id" })) {
                insert.setString(1, mail.tenant().value());
                insert.setString(2, mail.sender().orElse(null));
                insert.setString(3, mail.kind());
                insert.setString(4, mail.recipient());
                insert.setString(5, mail.subject());
                insert.setString(6, mail.body());
                insert.setString(7, MailStatus.PENDING.name());
                Jdbc.setInstant(insert, 8, at);
                Jdbc.setInstant(insert, 9, at);
                insert.executeUpdate();
                return Jdbc.generatedId(insert);
            }
        });
    }

    @Override
    public void attach(long mailId, Attachment attachment) {
        jdbc.call(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO mail_attachment (mail_id, file_name, content_type, content) VALUES (?, ?, ?, ?)")) {
                insert.setLong(1, mailId);
                insert.setString(2, attachment.fileName());
                insert.setString(3, attachment.contentType());
                insert.setBytes(4, attachment.content());
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public List<Attachment> attachments(long mailId) {
        return jdbc.call(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT file_name, content_type, content FROM mail_attachment WHERE mail_id = ? ORDER BY id")) {
                select.setLong(1, mailId);
                List<Attachment> attachments = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        attachments.add(new Attachment(rows.getString(1), rows.getString(2), rows.getBytes(3)));
                    }
                }
                return attachments;
            }
        });
    }

    @Override
    public List<Long> due(Instant now, int limit) {
        return jdbc.call(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT id FROM mail_outbox WHERE status IN (?, ?) "
                    + "AND next_attempt_at <= ? ORDER BY id FETCH FIRST ? ROWS ONLY")) {
                select.setString(1, MailStatus.PENDING.name());
                select.setString(2, MailStatus.SENDING.name());
                Jdbc.setInstant(select, 3, now);
                select.setInt(4, limit);
                List<Long> ids = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
                return ids;
            }
        });
    }

    @Override
    public Optional<MailRecord> claim(long id, Instant now, Instant until) {
        int claimed = jdbc.call(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE mail_outbox SET status = ?, next_attempt_at = ? "
                    + "WHERE id = ? AND status IN (?, ?) AND next_attempt_at <= ?")) {
                update.setString(1, MailStatus.SENDING.name());
                Jdbc.setInstant(update, 2, until);
                update.setLong(3, id);
                update.setString(4, MailStatus.PENDING.name());
                update.setString(5, MailStatus.SENDING.name());
                Jdbc.setInstant(update, 6, now);
                return update.executeUpdate();
            }
        });
        return claimed == 1 ? find(id) : Optional.empty();
    }

    @Override
    public void markSent(long id, Instant at) {
        jdbc.call(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE mail_outbox SET status = ?, sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?")) {
                update.setString(1, MailStatus.SENT.name());
                Jdbc.setInstant(update, 2, at);
                update.setLong(3, id);
                return update.executeUpdate();
            }
        });
    }

    @Override
    public void markFailed(long id, String error, Optional<Instant> nextAttemptAt) {
        jdbc.call(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE mail_outbox SET status = ?, attempts = attempts + 1, "
                    + "last_error = ?, next_attempt_at = COALESCE(?, next_attempt_at) WHERE id = ?")) {
                update.setString(1, nextAttemptAt.isPresent() ? MailStatus.PENDING.name() : MailStatus.FAILED.name());
                update.setString(2, Jdbc.fit(error, 1000));
                Jdbc.setInstant(update, 3, nextAttemptAt.orElse(null));
                update.setLong(4, id);
                return update.executeUpdate();
            }
        });
    }

    @Override
    public boolean retry(long id, Instant at) {
        return jdbc.call(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE mail_outbox SET status = ?, next_attempt_at = ? WHERE id = ? AND status IN (?, ?)")) {
                update.setString(1, MailStatus.PENDING.name());
                Jdbc.setInstant(update, 2, at);
                update.setLong(3, id);
                update.setString(4, MailStatus.FAILED.name());
                update.setString(5, MailStatus.PENDING.name());
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Optional<MailRecord> find(long id) {
        return jdbc.call(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM mail_outbox WHERE id = ?")) {
                select.setLong(1, id);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(read(row)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<MailRecord> latest(Optional<TenantId> tenant, Optional<MailStatus> status, Optional<String> recipient, int limit) {
        return jdbc.call(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM mail_outbox WHERE (? IS NULL OR tenant_id = ?) "
                    + "AND (? IS NULL OR status = ?) AND (? IS NULL OR recipient = ?) ORDER BY id DESC FETCH FIRST ? ROWS ONLY")) {
                String tenantId = tenant.map(TenantId::value).orElse(null);
                String statusName = status.map(Enum::name).orElse(null);
                select.setString(1, tenantId);
                select.setString(2, tenantId);
                select.setString(3, statusName);
                select.setString(4, statusName);
                select.setString(5, recipient.orElse(null));
                select.setString(6, recipient.orElse(null));
                select.setInt(7, limit);
                List<MailRecord> mails = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        mails.add(read(rows));
                    }
                }
                return mails;
            }
        });
    }

    private static MailRecord read(ResultSet row) throws SQLException {
        return new MailRecord(row.getLong("id"), new TenantId(row.getString("tenant_id")), Optional.ofNullable(row.getString("sender")),
                row.getString("kind"), row.getString("recipient"), row.getString("subject"),
                row.getString("body"), MailStatus.valueOf(row.getString("status")), row.getInt("attempts"),
                Jdbc.getInstant(row, "next_attempt_at"), Optional.ofNullable(row.getString("last_error")),
                Jdbc.getInstant(row, "created_at"), Jdbc.getOptionalInstant(row, "sent_at"));
    }
}
