package org.dmscloud.customers.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.persistence.Transaction;

/**
 * How many failed sign-ins are allowed before sign-in must wait, under two keys: the submitted email
 * address, whether or not anyone is registered with it (so that a lockout tells nothing about who is a
 * customer), and the client's network address (so that one client cannot try many addresses). Counted in
 * the database: every node sees the same counts, and a spray of addresses forgets no count that is still live.
 * Keys are hashed, so the addresses of people who are not customers are not kept.
 */
final class SignInLimits {

    /** A submitted address's failures are remembered this long, and reset by a successful sign-in. */
    static final Duration ADDRESS_WINDOW = Duration.ofHours(24);

    /** One limit: at {@code maxFailures} within {@code window}, sign-ins under the key wait {@code lock}. */
    record Limit(int maxFailures, Duration window, Duration lock) {
    }

    /** The wait a key is under, and which key it is. */
    record Wait(boolean forClient, Duration remaining) {
    }

    private final Limit perAddress;
    private final Limit perClient;

    SignInLimits(Limit perAddress, Limit perClient) {
        this.perAddress = perAddress;
        this.perClient = perClient;
    }

    static String addressKey(TenantId tenant, String normalizedEmail) {
        return "address:" + sha256(tenant.value() + "\n" + normalizedEmail);
    }

    static String clientKey(String clientAddress) {
        return "client:" + sha256(String.valueOf(clientAddress));
    }

    /** The wait the client or the address is under now, the client's first. */
    Optional<Wait> waitFor(Transaction tx, String clientKey, String addressKey, Instant now) {
        Optional<Duration> client = remaining(tx, clientKey, now);
        if (client.isPresent()) {
            return Optional.of(new Wait(true, client.get()));
        }
        return remaining(tx, addressKey, now).map(remaining -> new Wait(false, remaining));
    }

    /**
     * Counts a failure under both keys.
     *
     * @return the wait this failure started under the address's limit, if it reached it
     * @throws org.dmscloud.persistence.DuplicateKeyException if another failure created a key at the same moment: try again
     */
    Optional<Duration> failed(Transaction tx, String clientKey, String addressKey, Instant now) {
        count(tx, clientKey, perClient, now);
        return count(tx, addressKey, perAddress, now);
    }

    /** The address signed in: its failures are forgiven (the client's are not). */
    void succeeded(Transaction tx, String addressKey) {
        SignInFailures.in(tx).delete(addressKey);
    }

    private static Optional<Duration> remaining(Transaction tx, String key, Instant now) {
        return SignInFailures.in(tx).find(key).flatMap(SignInFailureRecord::lockedUntil).filter(now::isBefore)
                .map(until -> Duration.between(now, until));
    }

    private static Optional<Duration> count(Transaction tx, String key, Limit limit, Instant now) {
        Optional<SignInFailureRecord> current = SignInFailures.in(tx).lock(key);
        boolean sameWindow = current.isPresent() && now.isBefore(current.get().windowStart().plus(limit.window()));
        Instant windowStart = sameWindow ? current.get().windowStart() : now;
        int failures = (sameWindow ? current.get().failures() : 0) + 1;
        Optional<Instant> lockedUntil = current.flatMap(SignInFailureRecord::lockedUntil).filter(now::isBefore);
        Optional<Duration> started = Optional.empty();
        if (failures >= limit.maxFailures()) {
            lockedUntil = Optional.of(now.plus(limit.lock()));
            started = Optional.of(limit.lock());
            failures = 0;
            windowStart = now;
        }
        Instant windowEnd = windowStart.plus(limit.window());
        Instant expiresAt = lockedUntil.filter(windowEnd::isBefore).orElse(windowEnd);
        SignInFailureRecord record = new SignInFailureRecord(key, failures, windowStart, lockedUntil, expiresAt);
        if (current.isPresent()) {
            SignInFailures.in(tx).update(record);
        } else {
            SignInFailures.in(tx).insert(record);
        }
        return started;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
