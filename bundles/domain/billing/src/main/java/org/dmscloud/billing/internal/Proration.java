package org.dmscloud.billing.internal;

import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

import org.dmscloud.api.money.Money;

/**
 * The prorated amount of a daily rate {@code r} over {@code [a, b)}: r × seconds(b − a) / 86 400, computed
 * exactly over whole-second instants and rounded once, never in the customer's favour: a charge up to the
 * next minor unit, a credit down to the one below. So an upgrade and the reverse downgrade at one instant
 * net to between minus one minor unit and zero, and no cycle of changes can raise a balance.
 */
final class Proration {

    static final long SECONDS_PER_DAY = 86_400;

    private Proration() {
    }

    /** What a charge of {@code rate} over {@code [from, to)} costs: rounded up. */
    static Money charge(Money rate, Instant from, Instant to) {
        return rate.fraction(seconds(from, to), SECONDS_PER_DAY, RoundingMode.CEILING);
    }

    /** What a credit of {@code rate} over {@code [from, to)} gives back: rounded down. */
    static Money credit(Money rate, Instant from, Instant to) {
        return rate.fraction(seconds(from, to), SECONDS_PER_DAY, RoundingMode.FLOOR);
    }

    private static long seconds(Instant from, Instant to) {
        if (from.getNano() != 0 || to.getNano() != 0) {
            throw new IllegalStateException("billing periods are whole seconds, not [" + from + ", " + to + ")");
        }
        if (to.isBefore(from)) {
            throw new IllegalStateException("a period cannot end (" + to + ") before it starts (" + from + ")");
        }
        return Duration.between(from, to).getSeconds();
    }
}
