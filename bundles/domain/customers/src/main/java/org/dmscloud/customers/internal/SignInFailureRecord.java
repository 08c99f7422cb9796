package org.dmscloud.customers.internal;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Failed sign-ins counted under one key (a submitted email address, a client address) within a window.
 *
 * @param key         what the failures are counted for, hashed by the caller
 * @param failures    failures since {@code windowStart}
 * @param lockedUntil until when sign-ins under this key are refused, if they are
 * @param expiresAt   when the record says nothing any more and may be deleted
 */
public record SignInFailureRecord(String key, int failures, Instant windowStart, Optional<Instant> lockedUntil, Instant expiresAt) {

    public SignInFailureRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(lockedUntil, "lockedUntil");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
