package org.dmscloud.api.mail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A mail in the outbox, for operators.
 *
 * @param status      PENDING, SENDING, SENT or FAILED (given up after its retries)
 * @param attachments the names of its files; listed only when one mail is looked up, empty in lists
 */
public record OutboxMail(long id, String kind, String recipient, String subject, String body, String status, int attempts,
        Instant nextAttemptAt, Optional<String> lastError, Instant createdAt, Optional<Instant> sentAt, List<String> attachments) {
}
