package org.dmscloud.billing.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Billing instants and boundaries (00:00:00 UTC of every day). */
final class BillingTime {

    private BillingTime() {
    }

    /**
     * The instant an action happening now is billed at: the clock's instant truncated to the whole second,
     * so that every ledger period is whole seconds and each amount can be recomputed from its entry.
     */
    static Instant billingInstant(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** The first boundary strictly after {@code t}. */
    static Instant nextBoundary(Instant t) {
        return t.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
    }

    /** {@code day} 00:00 UTC. */
    static Instant start(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** The UTC day that {@code t} falls in. */
    static LocalDate dayOf(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC);
    }
}
