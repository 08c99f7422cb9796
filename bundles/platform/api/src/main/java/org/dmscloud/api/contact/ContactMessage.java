package org.dmscloud.api.contact;

import java.time.Instant;
import java.util.Objects;

import org.dmscloud.api.account.TenantId;

/**
 * A message received through the Contact Us form.
 *
 * @param tenant        whose form it came through (the host it was sent to)
 * @param clientAddress the address it came from, for the rate limit and for operators judging abuse
 */
public record ContactMessage(long id, TenantId tenant, String name, String email, String company, ContactTopic topic, String message,
        String clientAddress, Instant createdAt) {

    public ContactMessage {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(clientAddress, "clientAddress");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
