package org.dmscloud.api.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.RoundingMode;
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
        Money prorated = rate.fraction(seconds, DAY, RoundingMode.CEILING);
        assertThat(prorated.isNegative()).isFalse();
        assertThat(prorated.isGreaterThan(rate)).isFalse();
    }

    @Property
    void aProrationGrowsWithTheCoveredTime(@ForAll @LongRange(min = 0, max = 100_000_000_00L) long rateMinor,
            @ForAll @LongRange(min = 0, max = DAY) long a, @ForAll @LongRange(min = 0, max = DAY) long b) {
        Money rate = Money.ofMinor(rateMinor, EUR);
        long shorter = Math.min(a, b);
        long longer = Math.max(a, b);
        assertThat(rate.fraction(shorter, DAY, RoundingMode.CEILING).isGreaterThan(rate.fraction(longer, DAY, RoundingMode.CEILING))).isFalse();
        assertThat(rate.fraction(shorter, DAY, RoundingMode.FLOOR).isGreaterThan(rate.fraction(longer, DAY, RoundingMode.FLOOR))).isFalse();
    }

    @Property
    void aProrationIsTheExactValueRoundedOnceUpOrDown(@ForAll @LongRange(min = 0, max = 1_000_000_00L) long rateMinor,
            @ForAll @LongRange(min = 0, max = DAY) long seconds) {
        long exactNumerator = rateMinor * seconds;
        Money rate = Money.ofMinor(rateMinor, EUR);
        assertThat(rate.fraction(seconds, DAY, RoundingMode.FLOOR).minorUnits()).isEqualTo(exactNumerator / DAY);
        assertThat(rate.fraction(seconds, DAY, RoundingMode.CEILING).minorUnits()).isEqualTo((exactNumerator + DAY - 1) / DAY);
    }

    @Property
    void plusAndMinusAreInverse(@ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long a,
            @ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long b) {
        Money x = Money.ofMinor(a, EUR);
        Money y = Money.ofMinor(b, EUR);
        assertThat(x.plus(y).minus(y)).isEqualTo(x);
    }
}
