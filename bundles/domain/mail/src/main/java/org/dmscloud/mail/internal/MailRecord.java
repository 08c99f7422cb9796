package org.dmscloud.mail.internal;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.dmscloud.api.account.TenantId;

/** A mail in the outbox and where its delivery stands. */
public record MailRecord(long id, TenantId tenant, Optional<String> sender, String kind, String recipient, String subject, String body, MailStatus status, int attempts,
        Instant nextAttemptAt, Optional<String> lastError, Instant createdAt, Optional<Instant> sentAt) {

    public MailRecord {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(sentAt, "sentAt");
    }

    /** PENDING: to send at nextAttemptAt; SENDING: claimed by a node until nextAttemptAt; SENT; FAILED: given up. */
    public enum MailStatus { PENDING, SENDING, SENT, FAILED }
}
