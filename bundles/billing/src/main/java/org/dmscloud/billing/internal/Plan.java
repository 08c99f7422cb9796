package org.dmscloud.billing.internal;

import java.util.Objects;

import org.dmscloud.api.catalog.DailyRate;
import org.dmscloud.api.money.Money;

/**
 * An action worked out but not done: what it is (its fingerprint), the rate paid before it, the rate of
 * the configuration after it, and its effect on balance and coverage.
 */
record Plan(String fingerprint, Money paidBefore, DailyRate rate, Effect effect) {

    Plan {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(paidBefore, "paidBefore");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(effect, "effect");
    }
}
