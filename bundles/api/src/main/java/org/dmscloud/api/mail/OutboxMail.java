package org.dmscloud.api.mail;

import java.time.Instant;
import java.util.Optional;

/**
 * A mail in the outbox, for operators.
 *
 * @param status PENDING, SENDING, SENT or FAILED (given up after its retries)
 */
public record OutboxMail(long id, String kind, String recipient, String subject, String body, String status, int attempts,
        Instant nextAttemptAt, Optional<String> lastError, Instant createdAt, Optional<Instant> sentAt) {
}
