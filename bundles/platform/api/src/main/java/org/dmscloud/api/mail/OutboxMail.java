package org.dmscloud.api.mail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.dmscloud.api.account.TenantId;

/**
 * A mail in the outbox, for operators.
 *
 * @param tenant      whose customer or people it is for
 * @param sender      the From address; empty for the platform's (etc/org.dmscloud.mail.cfg)
 * @param status      PENDING, SENDING, SENT or FAILED (given up after its retries)
 * @param attachments the names of its files; listed only when one mail is looked up, empty in lists
 */
public record OutboxMail(long id, TenantId tenant, Optional<String> sender, String kind, String recipient, String subject, String body, String status, int attempts,
        Instant nextAttemptAt, Optional<String> lastError, Instant createdAt, Optional<Instant> sentAt, List<String> attachments) {
}
