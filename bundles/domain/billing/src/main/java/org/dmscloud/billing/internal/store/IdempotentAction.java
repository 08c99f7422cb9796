package org.dmscloud.billing.internal.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.instance.InstanceId;

/**
 * An action done under a client's idempotency key, and what it did: enough to answer a retry.
 *
 * @param fingerprint the action and its arguments in a canonical text form; a retry must match it
 */
public record IdempotentAction(AccountId account, String idempotencyKey, String fingerprint, InstanceId instance,
        Optional<Long> ledgerEntryId, Instant createdAt) {

    public IdempotentAction {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(ledgerEntryId, "ledgerEntryId");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
