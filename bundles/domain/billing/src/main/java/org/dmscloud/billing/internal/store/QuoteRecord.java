package org.dmscloud.billing.internal.store;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.billing.BillableAction;
import org.dmscloud.api.money.Money;

/**
 * What a quote promised, kept so that an action carrying its id can be checked against it.
 *
 * @param fingerprint what was quoted (action, instance, configuration), in a canonical text form
 */
public record QuoteRecord(UUID id, AccountId account, BillableAction action, String fingerprint, Money amount,
        Instant quotedAt, Instant expiresAt) {

    public QuoteRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(quotedAt, "quotedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
