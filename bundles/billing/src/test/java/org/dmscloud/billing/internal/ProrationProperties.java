package org.dmscloud.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.catalog.DailyRate;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.catalog.PriceComponent;
import org.dmscloud.api.instance.Instance;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.instance.InstanceState;
import org.dmscloud.api.money.Money;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** The invariants of prorations and of setting changes, over any rates and instants of a day. */
class ProrationProperties {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Instant MIDNIGHT = Instant.parse("2026-11-24T00:00:00Z");
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    @Property
    void aProrationIsWithinZeroAndTheRateAndGrowsWithTheCoveredTime(@ForAll @LongRange(min = 0, max = 10_000_000_00L) long rateMinor,
            @ForAll @LongRange(min = 0, max = MICROS_PER_DAY) long a, @ForAll @LongRange(min = 0, max = MICROS_PER_DAY) long b) {
        Money rate = Money.ofMinor(rateMinor, EUR);
        Instant start = MIDNIGHT.minusNanos(MICROS_PER_DAY * 1000);
        Money shorter = Proration.of(rate, start.plusNanos(Math.max(a, b) * 1000), MIDNIGHT);
        Money longer = Proration.of(rate, start.plusNanos(Math.min(a, b) * 1000), MIDNIGHT);

        assertThat(shorter.isNegative()).isFalse();
        assertThat(longer.isGreaterThan(rate)).isFalse();
        assertThat(shorter.isGreaterThan(longer)).isFalse();
    }

    @Property
    void anUpgradeAndTheReverseDowngradeAtOneInstantNetToZero(@ForAll @LongRange(min = 0, max = 1_000_000_00L) long paidMinor,
            @ForAll @LongRange(min = 0, max = 1_000_000_00L) long newMinor, @ForAll @LongRange(min = 1, max = MICROS_PER_DAY - 1) long at) {
        Instant now = MIDNIGHT.minusNanos((MICROS_PER_DAY - at) * 1000);
        Instance paid = instance(Money.ofMinor(paidMinor, EUR));

        Effect there = BillingRules.changeSettings(paid, rate(newMinor), now);
        Instance changed = new Instance(paid.id(), paid.account(), paid.name(), paid.configuration(), paid.state(), paid.disableReason(),
                there.paidUntil(), there.paidRate(), paid.createdAt());
        Effect back = BillingRules.changeSettings(changed, rate(paidMinor), now);

        assertThat(Math.abs(there.amount().plus(back.amount()).minorUnits())).isLessThanOrEqualTo(1);
        assertThat(back.paidRate()).isEqualTo(paid.paidRate());
    }

    private static Instance instance(Money paidRate) {
        return new Instance(InstanceId.random(), AccountId.random(), "acs", InstanceConfiguration.of("standard", 1_000, java.util.Set.of()),
                InstanceState.ENABLED, Optional.empty(), MIDNIGHT, paidRate, MIDNIGHT.minusSeconds(86_400));
    }

    private static DailyRate rate(long minor) {
        return new DailyRate(EUR, List.of(new PriceComponent("standard", "Standard", Money.ofMinor(minor, EUR))));
    }
}
