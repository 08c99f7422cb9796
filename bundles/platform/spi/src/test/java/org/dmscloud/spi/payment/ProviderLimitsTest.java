package org.dmscloud.spi.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Currency;

import org.dmscloud.api.money.Money;
import org.junit.jupiter.api.Test;

class ProviderLimitsTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void theSameBoundsApplyInEachCurrencyTaken() {
        ProviderLimits limits = ProviderLimits.parse(" eur, USD ", "5.00", "10000.00");

        assertThat(limits.problem()).isEmpty();
        assertThat(limits.in(EUR)).hasValueSatisfying(l -> {
            assertThat(l.minimum()).isEqualTo(Money.of("5.00", "EUR"));
            assertThat(l.maximum()).isEqualTo(Money.of("10000.00", "EUR"));
        });
        assertThat(limits.in(Currency.getInstance("USD"))).isPresent();
        assertThat(limits.in(Currency.getInstance("GBP"))).isEmpty();
        assertThat(limits.anyCurrency()).contains(EUR);
    }

    @Test
    void whatCannotBeReadIsAProblemToReportNotAnException() {
        assertThat(ProviderLimits.parse("EURO", "5", "10").problem()).hasValueSatisfying(p -> assertThat(p).contains("ISO codes"));
        assertThat(ProviderLimits.parse(" ", "5", "10").problem()).hasValueSatisfying(p -> assertThat(p).contains("no currencies"));
        assertThat(ProviderLimits.parse("EUR", "five", "10").problem()).hasValueSatisfying(p -> assertThat(p).contains("amounts"));
        assertThat(ProviderLimits.parse("EUR", "50", "10").problem()).hasValueSatisfying(p -> assertThat(p).contains("at least the minimum"));
        assertThat(ProviderLimits.parse("EUR", "0", "10").problem()).isPresent();
        assertThat(ProviderLimits.parse("EUR", "five", "10").in(EUR)).isEmpty();
    }

    @Test
    void aCurrencyWithoutEnoughDecimalsForTheBoundsIsNotTaken() {
        assertThat(ProviderLimits.parse("JPY,EUR", "0.50", "100").in(Currency.getInstance("JPY"))).isEmpty();
        assertThat(ProviderLimits.parse("JPY,EUR", "0.50", "100").in(EUR)).isPresent();
    }
}
