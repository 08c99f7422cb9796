package org.dmscloud.api.contact;

import java.time.Instant;
import java.util.Objects;

/**
 * A message received through the Contact Us form.
 *
 * @param clientAddress the address it came from, for the rate limit and for operators judging abuse
 */
public record ContactMessage(long id, String name, String email, String company, ContactTopic topic, String message,
        String clientAddress, Instant createdAt) {

    public ContactMessage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(clientAddress, "clientAddress");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
