package org.dmscloud.billing.internal;

import java.time.Instant;

import org.dmscloud.api.billing.LedgerEntryType;
import org.dmscloud.api.catalog.DailyRate;
import org.dmscloud.api.instance.Instance;
import org.dmscloud.api.instance.InstanceState;
import org.dmscloud.api.money.Money;

/**
 * BILLING-RULES.md R3–R9 as functions of an instance, a rate and an instant: what an action charges or
 * credits, and the coverage it leaves. Quotes and actions both ask here, so they cannot disagree.
 */
final class BillingRules {

    private BillingRules() {
    }

    /** R6: create enabled = enable a new instance, charged to the next boundary; disabled, it is free. */
    static Effect create(DailyRate rate, boolean enabled, Instant now) {
        if (!enabled) {
            return Effect.free("R6", now, Money.zero(rate.currency()));
        }
        Instant boundary = BillingTime.nextBoundary(now);
        return Effect.charge("R6", LedgerEntryType.PRORATED_CHARGE, rate.total(), now, boundary, boundary, rate.total());
    }

    /** R4: inside paid coverage enabling is free; R5: after it lapsed, charged to the next boundary. */
    static Effect enable(Instance instance, DailyRate rate, Instant now) {
        if (instance.state() == InstanceState.ENABLED) {
            return Effect.free("already enabled", instance.paidUntil(), instance.paidRate());
        }
        if (instance.isPaidAt(now)) {
            return Effect.free("R4", instance.paidUntil(), instance.paidRate());
        }
        Instant boundary = BillingTime.nextBoundary(now);
        return Effect.charge("R5", LedgerEntryType.PRORATED_CHARGE, rate.total(), now, boundary, boundary, rate.total());
    }

    /** R3: disabling costs nothing and refunds nothing; the coverage is kept. */
    static Effect disable(Instance instance) {
        return Effect.free("R3", instance.paidUntil(), instance.paidRate());
    }

    /**
     * R7: an upgrade inside the coverage charges the rate difference over the rest of it; R8: a downgrade
     * credits it. Outside the coverage a change is free.
     */
    static Effect changeSettings(Instance instance, DailyRate newRate, Instant now) {
        Money rate = newRate.total();
        if (!instance.isPaidAt(now)) {
            return Effect.free("R7", instance.paidUntil(), instance.paidRate());
        }
        Money difference = rate.minus(instance.paidRate());
        if (difference.isPositive()) {
            return Effect.charge("R7", LedgerEntryType.SETTINGS_CHANGE_CHARGE, difference, now, instance.paidUntil(),
                    instance.paidUntil(), rate);
        }
        if (difference.isNegative()) {
            return Effect.credit("R8", difference.negate(), now, instance.paidUntil(), instance.paidUntil(), rate);
        }
        return Effect.free("R7", instance.paidUntil(), rate);
    }

    /** R9: a delete refunds, like a downgrade to zero, the unused part of the coverage, which ends now. */
    static Effect delete(Instance instance, Instant now) {
        Money zero = Money.zero(instance.paidRate().currency());
        if (!instance.isPaidAt(now)) {
            return Effect.free("R9", instance.paidUntil(), zero);
        }
        return Effect.credit("R9", instance.paidRate(), now, instance.paidUntil(), now, zero);
    }
}
