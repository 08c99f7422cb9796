package org.dmscloud.api.payment;

import java.util.Objects;

import org.dmscloud.api.money.Money;

/** The smallest and largest top-up a provider takes in one currency. */
public record TopUpLimits(Money minimum, Money maximum) {

    public TopUpLimits {
        Objects.requireNonNull(minimum, "minimum");
        Objects.requireNonNull(maximum, "maximum");
        if (!minimum.isPositive() || minimum.isGreaterThan(maximum)) {
            throw new IllegalArgumentException("limits must be positive with the minimum at most the maximum, were " + minimum
                    + " and " + maximum);
        }
    }

    public boolean allows(Money amount) {
        return amount.currency().equals(minimum.currency()) && !amount.isLessThan(minimum) && !amount.isGreaterThan(maximum);
    }
}
