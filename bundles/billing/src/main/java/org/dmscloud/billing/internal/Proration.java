package org.dmscloud.billing.internal;

import java.time.Duration;
import java.time.Instant;

import org.dmscloud.api.money.Money;

/**
 * The prorated amount of a daily rate {@code r} over {@code [a, b)}: r × (b − a) / 24 h, computed exactly
 * (to the microsecond, the precision instants are stored with) and rounded once, half-up.
 */
final class Proration {

    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private Proration() {
    }

    static Money of(Money rate, Instant from, Instant to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a period cannot end (" + to + ") before it starts (" + from + ")");
        }
        Duration length = Duration.between(from, to);
        long micros = Math.addExact(Math.multiplyExact(length.getSeconds(), 1_000_000L), length.getNano() / 1_000L);
        return rate.fraction(micros, MICROS_PER_DAY);
    }
}
