package org.dmscloud.api.instance;

import java.util.Objects;
import java.util.Optional;

import org.dmscloud.api.billing.LedgerEntry;

/**
 * What a lifecycle action did: the instance after it, and the charge or credit it caused, if any.
 *
 * @param replayed whether this is the answer to an earlier action with the same idempotency key
 */
public record InstanceChange(Instance instance, Optional<LedgerEntry> ledgerEntry, boolean replayed) {

    public InstanceChange {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(ledgerEntry, "ledgerEntry");
    }
}
