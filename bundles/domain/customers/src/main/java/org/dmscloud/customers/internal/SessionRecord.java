package org.dmscloud.customers.internal;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A signed-in session, known here only by its token's hash. */
public record SessionRecord(String tokenHash, UUID user, Instant createdAt, Instant expiresAt) {

    public SessionRecord {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
