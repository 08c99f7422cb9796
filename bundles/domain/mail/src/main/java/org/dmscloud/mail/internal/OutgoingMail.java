package org.dmscloud.mail.internal;

import java.util.Objects;
import java.util.Optional;

import org.dmscloud.api.account.TenantId;

/**
 * A mail to queue in the outbox.
 *
 * @param tenant whose customer or people it is for
 * @param sender its From address; empty for the platform's, as configured when it is sent
 */
public record OutgoingMail(TenantId tenant, Optional<String> sender, String kind, String recipient, String subject, String body) {

    public OutgoingMail {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }
}
