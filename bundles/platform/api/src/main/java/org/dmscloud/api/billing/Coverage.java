package org.dmscloud.api.billing;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import org.dmscloud.api.money.Money;

/**
 * How long an account's balance lasts at today's rates: how many more daily runs (R1) it pays for every enabled
 * instance in full.
 *
 * @param balance          the balance now
 * @param dailyTotal       what the daily run would charge for all enabled instances at today's rates
 * @param enabledInstances how many instances are enabled
 * @param days             the whole days the balance pays for after the day already paid; empty when nothing is
 *                         charged daily (no instance enabled)
 * @param fundedUntil      the boundary the enabled instances keep running to, if the balance gets no top-up
 */
public record Coverage(Money balance, Money dailyTotal, int enabledInstances, OptionalLong days, Optional<Instant> fundedUntil) {

    public Coverage {
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(dailyTotal, "dailyTotal");
        Objects.requireNonNull(days, "days");
        Objects.requireNonNull(fundedUntil, "fundedUntil");
    }
}
