package org.dmscloud.billing.internal;

import java.time.Instant;
import java.util.Optional;

import org.dmscloud.api.billing.LedgerEntryType;
import org.dmscloud.api.money.Money;

/**
 * What one action does to the balance and to the instance's coverage, as the rules decide it.
 *
 * @param rule        the rule of BILLING-RULES.md that decided it
 * @param entryType   the ledger entry to write; empty when the action is free
 * @param amount      the balance change: negative for a charge, positive for a credit
 * @param rateBasis   the daily rate (or rate difference) the amount was prorated from
 * @param paidUntil   the instance's coverage end after the action
 * @param paidRate    the rate paid for its running coverage after the action
 */
record Effect(String rule, Optional<LedgerEntryType> entryType, Money amount, Optional<Instant> periodStart,
        Optional<Instant> periodEnd, Optional<Money> rateBasis, Instant paidUntil, Money paidRate) {

    static Effect free(String rule, Instant paidUntil, Money paidRate) {
        return new Effect(rule, Optional.empty(), Money.zero(paidRate.currency()), Optional.empty(), Optional.empty(),
                Optional.empty(), paidUntil, paidRate);
    }

    /** A charge of the rate prorated over {@code [from, to)}, rounded up. */
    static Effect charge(String rule, LedgerEntryType type, Money rate, Instant from, Instant to, Instant paidUntil, Money paidRate) {
        return new Effect(rule, Optional.of(type), Proration.charge(rate, from, to).negate(), Optional.of(from), Optional.of(to),
                Optional.of(rate), paidUntil, paidRate);
    }

    /** A credit of the rate prorated over {@code [from, to)}, rounded down. */
    static Effect credit(String rule, Money rate, Instant from, Instant to, Instant paidUntil, Money paidRate) {
        return new Effect(rule, Optional.of(LedgerEntryType.CREDIT), Proration.credit(rate, from, to), Optional.of(from),
                Optional.of(to), Optional.of(rate), paidUntil, paidRate);
    }

    /** The same effect, decided by another rule (R12 when the rate last paid stands in for a withdrawn price). */
    Effect decidedBy(String otherRule) {
        return new Effect(otherRule, entryType, amount, periodStart, periodEnd, rateBasis, paidUntil, paidRate);
    }

    boolean isCharge() {
        return amount.isNegative();
    }

    Money cost() {
        return isCharge() ? amount.negate() : Money.zero(amount.currency());
    }
}
