package org.dmscloud.api.billing;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.catalog.PriceComponent;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.money.Money;

/**
 * One change of a balance, never altered once written. The balance always equals the sum of the
 * account's entries.
 *
 * @param amount         what the balance changed by: negative for a charge, positive for a credit
 * @param balanceAfter   the balance right after this entry
 * @param periodStart    the start of the coverage it pays for or gives back, if it concerns an instance
 * @param rate           the daily rate (or rate difference) it was computed from
 * @param breakdown      the daily rate's components (package, devices, each option)
 * @param idempotencyKey unique: the same key never changes a balance twice
 */
public record LedgerEntry(long id, AccountId account, LedgerEntryType type, Money amount, Money balanceAfter,
        Optional<InstanceId> instance, Optional<Instant> periodStart, Optional<Instant> periodEnd, Optional<Money> rate,
        List<PriceComponent> breakdown, String description, String idempotencyKey, Instant createdAt) {

    public LedgerEntry {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(balanceAfter, "balanceAfter");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(periodStart, "periodStart");
        Objects.requireNonNull(periodEnd, "periodEnd");
        Objects.requireNonNull(rate, "rate");
        breakdown = List.copyOf(breakdown);
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** What an operator's adjustment records after its reason: the operator, for the platform's own audit. */
    private static final java.util.regex.Pattern OPERATOR = java.util.regex.Pattern.compile(" \\(by [^()]{1,200}\\)$");

    /**
     * The description as the customer reads it: an operator's adjustment without the operator's login name, which is the
     * platform's record of who did it (operators see it in the shell), not the customer's business.
     */
    public String customerDescription() {
        return type == LedgerEntryType.ADMIN_ADJUSTMENT ? OPERATOR.matcher(description).replaceFirst("") : description;
    }
}
