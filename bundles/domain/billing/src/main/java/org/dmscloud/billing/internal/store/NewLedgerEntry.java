package org.dmscloud.billing.internal.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.billing.LedgerEntryType;
import org.dmscloud.api.catalog.PriceComponent;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.money.Money;

/** A ledger entry to append; see {@link org.dmscloud.api.billing.LedgerEntry} for the fields. */
public record NewLedgerEntry(AccountId account, LedgerEntryType type, Money amount, Optional<InstanceId> instance,
        Optional<Instant> periodStart, Optional<Instant> periodEnd, Optional<Money> rate, List<PriceComponent> breakdown,
        String description, String idempotencyKey, Instant createdAt) {

    public NewLedgerEntry {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(periodStart, "periodStart");
        Objects.requireNonNull(periodEnd, "periodEnd");
        Objects.requireNonNull(rate, "rate");
        breakdown = List.copyOf(breakdown);
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
