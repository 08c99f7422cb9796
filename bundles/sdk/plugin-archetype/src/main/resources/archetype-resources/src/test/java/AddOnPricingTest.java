package ${package};

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;
import java.util.Set;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.catalog.PriceComponent;
import org.dmscloud.api.money.Money;
import org.dmscloud.spi.catalog.PricingContext;
import org.dmscloud.spi.catalog.UnpricedException;
import org.junit.jupiter.api.Test;

/** The price list: a base fee and a fee per started thousand devices. */
class AddOnPricingTest {

    private final AddOnPricing pricing = new AddOnPricing();

    @Test
    void aBaseFeeAndAFeeForEachStartedThousandDevices() {
        assertThat(price(1, "EUR")).isEqualTo(Money.of("2.00", "EUR"));
        assertThat(price(1_000, "EUR")).isEqualTo(Money.of("2.00", "EUR"));
        assertThat(price(1_001, "EUR")).isEqualTo(Money.of("2.50", "EUR"));
        assertThat(price(20_000, "USD")).isEqualTo(Money.of("12.65", "USD"));
    }

    @Test
    void otherCurrenciesAreRefusedWithAMessageForTheCustomer() {
        assertThatThrownBy(() -> price(100, "GBP")).isInstanceOf(UnpricedException.class).hasMessage("${optionName} is sold in EUR and USD only.");
    }

    private Money price(long devices, String currency) {
        return pricing.dailyRate(InstanceConfiguration.of("standard", devices, Set.of(AddOn.OPTION_ID)),
                PricingContext.of(new TenantId(AddOn.TENANT), Currency.getInstance(currency))).stream()
                .map(PriceComponent::amount).reduce(Money::plus).orElseThrow();
    }
}
