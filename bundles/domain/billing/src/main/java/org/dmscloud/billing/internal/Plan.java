package org.dmscloud.billing.internal;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.dmscloud.api.catalog.DailyRate;
import org.dmscloud.api.money.Money;

/**
 * An action worked out but not done: what it is (its fingerprint), the rate paid before it, the rate of
 * the configuration after it, and its effect on balance and coverage.
 *
 * @param ownItems the suppliers to record with the instance when the action is priced at a current price (R12: who
 *                 supplied each item it was bought from); empty when it leaves them as they are
 */
record Plan(String fingerprint, Money paidBefore, DailyRate rate, Effect effect, Optional<Set<String>> ownItems) {

    /** A plan that leaves the recorded suppliers as they are. */
    Plan(String fingerprint, Money paidBefore, DailyRate rate, Effect effect) {
        this(fingerprint, paidBefore, rate, effect, Optional.empty());
    }

    /** The plan, priced at the current rate, whose suppliers are recorded with the instance. */
    Plan atCurrentPrice() {
        return new Plan(fingerprint, paidBefore, rate, effect, Optional.of(rate.ownItems()));
    }

    Plan {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(paidBefore, "paidBefore");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(ownItems, "ownItems");
    }
}
