package org.dmscloud.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
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
import net.jqwik.api.constraints.Size;

/** The invariants of prorations and of setting changes, over any rates and whole-second instants of a day. */
class ProrationProperties {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Instant MIDNIGHT = Instant.parse("2026-11-24T00:00:00Z");
    private static final long DAY = Proration.SECONDS_PER_DAY;

    @Property
    void aProrationIsWithinZeroAndTheRateAndGrowsWithTheCoveredTime(@ForAll @LongRange(min = 0, max = 10_000_000_00L) long rateMinor,
            @ForAll @LongRange(min = 0, max = DAY) long a, @ForAll @LongRange(min = 0, max = DAY) long b) {
        Money rate = Money.ofMinor(rateMinor, EUR);
        Instant start = MIDNIGHT.minusSeconds(DAY);
        Instant later = start.plusSeconds(Math.max(a, b));
        Instant earlier = start.plusSeconds(Math.min(a, b));

        for (Money shorter : List.of(Proration.charge(rate, later, MIDNIGHT), Proration.credit(rate, later, MIDNIGHT))) {
            assertThat(shorter.isNegative()).isFalse();
        }
        assertThat(Proration.charge(rate, earlier, MIDNIGHT).isGreaterThan(rate)).isFalse();
        assertThat(Proration.charge(rate, later, MIDNIGHT).isGreaterThan(Proration.charge(rate, earlier, MIDNIGHT))).isFalse();
        assertThat(Proration.credit(rate, later, MIDNIGHT).isGreaterThan(Proration.credit(rate, earlier, MIDNIGHT))).isFalse();
    }

    @Property
    void aChargeIsNeverBelowAndACreditNeverAboveTheExactAmount(@ForAll @LongRange(min = 0, max = 10_000_000_00L) long rateMinor,
            @ForAll @LongRange(min = 0, max = DAY) long seconds) {
        Money rate = Money.ofMinor(rateMinor, EUR);
        Instant from = MIDNIGHT.minusSeconds(seconds);
        BigInteger exactTimesDay = BigInteger.valueOf(rateMinor).multiply(BigInteger.valueOf(seconds));

        BigInteger chargedTimesDay = BigInteger.valueOf(Proration.charge(rate, from, MIDNIGHT).minorUnits()).multiply(BigInteger.valueOf(DAY));
        BigInteger creditedTimesDay = BigInteger.valueOf(Proration.credit(rate, from, MIDNIGHT).minorUnits()).multiply(BigInteger.valueOf(DAY));

        assertThat(chargedTimesDay).isGreaterThanOrEqualTo(exactTimesDay).isLessThan(exactTimesDay.add(BigInteger.valueOf(DAY)));
        assertThat(creditedTimesDay).isLessThanOrEqualTo(exactTimesDay).isGreaterThan(exactTimesDay.subtract(BigInteger.valueOf(DAY)));
    }

    @Property
    void anUpgradeAndTheReverseDowngradeAtOneInstantNetToBetweenMinusOneMinorUnitAndZero(
            @ForAll @LongRange(min = 0, max = 1_000_000_00L) long paidMinor, @ForAll @LongRange(min = 0, max = 1_000_000_00L) long newMinor,
            @ForAll @LongRange(min = 1, max = DAY - 1) long secondsLeft) {
        Instant now = MIDNIGHT.minusSeconds(secondsLeft);
        Instance paid = instance(Money.ofMinor(paidMinor, EUR));

        Effect there = BillingRules.changeSettings(paid, rate(newMinor), now);
        Effect back = BillingRules.changeSettings(after(paid, there), rate(paidMinor), now);

        assertThat(there.amount().plus(back.amount()).minorUnits()).isBetween(-1L, 0L);
        assertThat(back.paidRate()).isEqualTo(paid.paidRate());
    }

    /** The rounding attack: many changes, each at its own instant, back to the start; never a gain. */
    @Property
    void aCycleOfSettingsChangesAtOneInstantNeverRaisesTheBalance(@ForAll @LongRange(min = 0, max = 1_000_00L) long startMinor,
            @ForAll @Size(min = 1, max = 30) List<@LongRange(min = 0, max = 1_000_00L) Long> steps,
            @ForAll @LongRange(min = 1, max = DAY - 1) long secondsLeft) {
        Instant now = MIDNIGHT.minusSeconds(secondsLeft);
        Instance instance = instance(Money.ofMinor(startMinor, EUR));
        Money net = Money.zero(EUR);
        int entries = 0;
        for (long stepMinor : concat(steps, startMinor)) {
            Effect effect = BillingRules.changeSettings(instance, rate(stepMinor), now);
            net = net.plus(effect.amount());
            entries += effect.entryType().isPresent() ? 1 : 0;
            instance = after(instance, effect);
        }

        assertThat(net.isPositive()).as("net %s after the cycle", net).isFalse();
        assertThat(net.minorUnits()).as("at most one minor unit per entry").isGreaterThanOrEqualTo(-entries);
    }

    private static List<Long> concat(List<Long> steps, long last) {
        List<Long> all = new java.util.ArrayList<>(steps);
        all.add(last);
        return all;
    }

    private static Instance after(Instance before, Effect effect) {
        return new Instance(before.id(), before.account(), before.name(), before.configuration(), before.state(), before.disableReason(),
                effect.paidUntil(), effect.paidRate(), before.createdAt());
    }

    private static Instance instance(Money paidRate) {
        return new Instance(InstanceId.random(), AccountId.random(), "acs", InstanceConfiguration.of("standard", 1_000, java.util.Set.of()),
                InstanceState.ENABLED, Optional.empty(), MIDNIGHT, paidRate, MIDNIGHT.minusSeconds(DAY));
    }

    private static DailyRate rate(long minor) {
        return new DailyRate(EUR, List.of(new PriceComponent("standard", "Standard", Money.ofMinor(minor, EUR))));
    }
}
