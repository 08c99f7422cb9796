package org.dmscloud.api.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

import org.junit.jupiter.api.Test;

class MoneyTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final Currency BHD = Currency.getInstance("BHD");

    @Test
    void parsesMajorUnitsExactlyIntoMinorUnits() {
        assertThat(Money.of("24.00", "EUR").minorUnits()).isEqualTo(2400);
        assertThat(Money.of("0.1", "eur").minorUnits()).isEqualTo(10);
        assertThat(Money.of("1500", "JPY").minorUnits()).isEqualTo(1500);
        assertThat(Money.of("1.234", "BHD").minorUnits()).isEqualTo(1234);
    }

    @Test
    void refusesMoreDecimalsThanTheCurrencyHasInsteadOfRounding() {
        assertThatThrownBy(() -> Money.of("0.005", "EUR"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more decimals than EUR allows (2)");
        assertThatThrownBy(() -> Money.of("1.5", "JPY")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesWhatIsNotMoney() {
        assertThatThrownBy(() -> Money.of("twelve", "EUR")).hasMessageContaining("'twelve' is not an amount of money");
        assertThatThrownBy(() -> Money.of("1", "EURO")).hasMessageContaining("not an ISO 4217 currency code");
        assertThatThrownBy(() -> Money.ofMinor(1, "XXX")).hasMessageContaining("no minor unit");
        assertThatThrownBy(() -> Money.of("99999999999999999999", "EUR")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too large");
    }

    @Test
    void addsAndSubtractsExactly() {
        Money a = Money.of("0.10", "EUR");
        Money b = Money.of("0.20", "EUR");
        assertThat(a.plus(b)).isEqualTo(Money.of("0.30", "EUR"));
        assertThat(a.minus(b)).isEqualTo(Money.of("-0.10", "EUR"));
        assertThat(a.minus(b).isNegative()).isTrue();
        assertThat(a.times(3)).isEqualTo(Money.of("0.30", "EUR"));
        assertThat(a.negate().negate()).isEqualTo(a);
    }

    @Test
    void neverMixesCurrencies() {
        assertThatThrownBy(() -> Money.ofMinor(1, EUR).plus(Money.ofMinor(1, JPY)))
                .isInstanceOf(CurrencyMismatchException.class).hasMessage("cannot combine EUR with JPY");
        assertThatThrownBy(() -> Money.ofMinor(1, EUR).compareTo(Money.ofMinor(1, JPY)))
                .isInstanceOf(CurrencyMismatchException.class);
    }

    @Test
    void overflowThrowsInsteadOfWrapping() {
        Money max = Money.ofMinor(Long.MAX_VALUE, EUR);
        assertThatThrownBy(() -> max.plus(Money.ofMinor(1, EUR))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> max.times(2)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> max.fraction(3, 2, RoundingMode.CEILING)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void fractionRoundsOnceInTheDirectionAsked() {
        Money rate = Money.of("24.00", "EUR");
        // The worked examples of BILLING-RULES.md are exact either way.
        assertThat(rate.fraction(16 * 3600, 86_400, RoundingMode.CEILING)).isEqualTo(Money.of("16.00", "EUR"));
        assertThat(rate.fraction(12 * 3600, 86_400, RoundingMode.FLOOR)).isEqualTo(Money.of("12.00", "EUR"));
        // 10.00 × 1/3 = 3.333…: a charge rounds up to 3.34, a credit down to 3.33
        assertThat(Money.of("10.00", "EUR").fraction(1, 3, RoundingMode.CEILING)).isEqualTo(Money.of("3.34", "EUR"));
        assertThat(Money.of("10.00", "EUR").fraction(1, 3, RoundingMode.FLOOR)).isEqualTo(Money.of("3.33", "EUR"));
        // 0.01 × 1/86400 of a day: a charge of at least one minor unit, a credit of none
        assertThat(Money.ofMinor(1, EUR).fraction(1, 86_400, RoundingMode.CEILING)).isEqualTo(Money.ofMinor(1, EUR));
        assertThat(Money.ofMinor(1, EUR).fraction(1, 86_400, RoundingMode.FLOOR)).isEqualTo(Money.zero(EUR));
    }

    @Test
    void amountsTooLargeOrWithTooManyDecimalsAreRefusedAsBadArguments() {
        for (String text : new String[] { "1e30", "99999999999999999999999.99", "92233720368547758.08", "1e999999999" }) {
            assertThatThrownBy(() -> Money.of(text, "EUR")).as(text).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("too large");
        }
        assertThat(Money.of("92233720368547758.07", "EUR").minorUnits()).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> Money.of("1e-999999999", "EUR")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("decimals");
        assertThatThrownBy(() -> Money.of("1.005", "EUR")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("decimals");
        assertThatThrownBy(() -> Money.of("1".repeat(101), "EUR")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Money.of("24.000", "EUR")).isEqualTo(Money.of("24.00", "EUR"));
    }

    @Test
    void fractionOfLargeAmountsDoesNotOverflowInBetween() {
        // minor × numerator exceeds a long, the result does not.
        Money big = Money.ofMinor(Long.MAX_VALUE / 2, EUR);
        assertThat(big.fraction(86_400, 86_400, RoundingMode.FLOOR)).isEqualTo(big);
    }

    @Test
    void refusesANonPositiveDenominator() {
        assertThatThrownBy(() -> Money.ofMinor(1, EUR).fraction(1, 0, RoundingMode.FLOOR)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void printsWithTheCurrencyScale() {
        assertThat(Money.ofMinor(2400, EUR)).hasToString("24.00 EUR");
        assertThat(Money.ofMinor(-5, EUR)).hasToString("-0.05 EUR");
        assertThat(Money.ofMinor(1500, JPY)).hasToString("1500 JPY");
        assertThat(Money.ofMinor(1, BHD).toBigDecimal()).isEqualByComparingTo(new BigDecimal("0.001"));
    }

    @Test
    void equalityIncludesTheCurrency() {
        assertThat(Money.ofMinor(100, EUR)).isEqualTo(Money.ofMinor(100, "EUR")).isNotEqualTo(Money.ofMinor(100, JPY));
        assertThat(Money.ofMinor(100, EUR).hashCode()).isEqualTo(Money.ofMinor(100, "EUR").hashCode());
    }
}
