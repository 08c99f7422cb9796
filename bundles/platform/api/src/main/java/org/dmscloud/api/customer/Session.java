package org.dmscloud.api.customer;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in session.
 *
 * @param token the bearer token to send as {@code Authorization: Bearer <token>}; shown once, stored hashed
 */
public record Session(String token, Instant expiresAt, Customer customer) {

    public Session {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(customer, "customer");
    }

    @Override
    public String toString() {
        return "Session[expiresAt=" + expiresAt + ", customer=" + customer.id() + "]";
    }
}
