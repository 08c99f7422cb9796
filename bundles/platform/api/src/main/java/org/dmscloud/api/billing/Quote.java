package org.dmscloud.api.billing;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.catalog.DailyRate;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.money.Money;

/**
 * What an action would charge or credit if done at {@link #quotedAt()}, computed exactly as the action
 * computes it, without changing anything (rule R11).
 *
 * @param amount      the balance change: negative for a charge, positive for a credit, zero when free
 * @param dailyRate   the daily rate of the configuration after the action, with its components (a zero
 *                    rate for a delete)
 * @param paidRate    the rate the instance was paid at before the action (zero for a new one)
 * @param periodStart the start of the coverage charged or credited, when there is an amount
 * @param periodEnd   its end
 * @param rule        the rule of BILLING-RULES.md that applies, e.g. "R5"
 * @param expiresAt   until when an action may carry this quote's id
 */
public record Quote(UUID id, BillableAction action, AccountId account, Optional<InstanceId> instance, Money amount,
        DailyRate dailyRate, Money paidRate, Optional<Instant> periodStart, Optional<Instant> periodEnd, String rule,
        Instant quotedAt, Instant expiresAt) {

    public Quote {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(dailyRate, "dailyRate");
        Objects.requireNonNull(paidRate, "paidRate");
        Objects.requireNonNull(periodStart, "periodStart");
        Objects.requireNonNull(periodEnd, "periodEnd");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(quotedAt, "quotedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
