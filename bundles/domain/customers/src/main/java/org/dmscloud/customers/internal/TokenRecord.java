package org.dmscloud.customers.internal;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A single-use token sent by mail, known here only by its hash. */
public record TokenRecord(String tokenHash, UUID user, TokenPurpose purpose, Instant createdAt, Instant expiresAt) {

    public TokenRecord {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public enum TokenPurpose { VERIFY_EMAIL, RESET_PASSWORD }
}
