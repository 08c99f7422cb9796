package org.dmscloud.api.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Currency;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** Properties that billing relies on when it prorates a daily rate. */
class MoneyPropertyTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final long DAY = 86_400;

    @Property
    void aProrationIsWithinZeroAndTheRate(@ForAll @LongRange(min = 0, max = 100_000_000_00L) long rateMinor,
            @ForAll @LongRange(min = 0, max = DAY) long seconds) {
        Money rate = Money.ofMinor(rateMinor, EUR);
        Money prorated = rate.fraction(seconds, DAY);
        assertThat(prorated.isNegative()).isFalse();
        assertThat(prorated.isGreaterThan(rate)).isFalse();
    }

    @Property
    void aProrationGrowsWithTheCoveredTime(@ForAll @LongRange(min = 0, max = 100_000_000_00L) long rateMinor,
            @ForAll @LongRange(min = 0, max = DAY) long a, @ForAll @LongRange(min = 0, max = DAY) long b) {
        Money rate = Money.ofMinor(rateMinor, EUR);
        long shorter = Math.min(a, b);
        long longer = Math.max(a, b);
        assertThat(rate.fraction(shorter, DAY).isGreaterThan(rate.fraction(longer, DAY))).isFalse();
    }

    @Property
    void aProrationIsTheExactValueRoundedOnce(@ForAll @LongRange(min = 0, max = 1_000_000_00L) long rateMinor,
            @ForAll @LongRange(min = 0, max = DAY) long seconds) {
        long exactTimesTwo = 2 * rateMinor * seconds;
        long roundedHalfUp = (exactTimesTwo + DAY) / (2 * DAY);
        assertThat(Money.ofMinor(rateMinor, EUR).fraction(seconds, DAY).minorUnits()).isEqualTo(roundedHalfUp);
    }

    @Property
    void plusAndMinusAreInverse(@ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long a,
            @ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long b) {
        Money x = Money.ofMinor(a, EUR);
        Money y = Money.ofMinor(b, EUR);
        assertThat(x.plus(y).minus(y)).isEqualTo(x);
    }
}
