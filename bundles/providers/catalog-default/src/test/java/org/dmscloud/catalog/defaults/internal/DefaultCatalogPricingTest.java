package org.dmscloud.catalog.defaults.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;
import java.util.List;
import java.util.Set;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.catalog.PriceComponent;
import org.dmscloud.api.money.Money;
import org.dmscloud.spi.catalog.PricingContext;
import org.dmscloud.spi.catalog.UnpricedException;
import org.junit.jupiter.api.Test;

class DefaultCatalogPricingTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void theStarterPackageCostsABaseFeeAndHalfAEuroPerStartedHundredDevices() {
        assertThat(total("starter", 500)).isEqualTo(Money.of("4.00", "EUR"));
        assertThat(total("starter", 1)).isEqualTo(Money.of("2.00", "EUR"));
        assertThat(total("starter", 101)).isEqualTo(Money.of("2.50", "EUR"));
    }

    @Test
    void theDevicesLineSaysTheirNumberAsPeopleWriteIt() {
        assertThat(price("starter", 1)).extracting(PriceComponent::label).contains("1 CPE device");
        assertThat(price("starter", 2_500)).extracting(PriceComponent::label).contains("2,500 CPE devices");
    }

    @Test
    void businessDevicesAreGraduated() {
        // 10.00 + 50 blocks × 0.40 + 50 blocks × 0.30
        assertThat(total("business", 10_000)).isEqualTo(Money.of("45.00", "EUR"));
        assertThat(total("business", 5_000)).isEqualTo(Money.of("30.00", "EUR"));
        assertThat(total("business", 5_001)).isEqualTo(Money.of("30.30", "EUR"));
    }

    @Test
    void enterpriseDevicesAreGraduatedOverThreeTiers() {
        // 50.00 + 500 × 0.30 + 2,000 × 0.20 + 7,500 × 0.12
        assertThat(total("enterprise", 1_000_000)).isEqualTo(Money.of("1500.00", "EUR"));
    }

    @Test
    void optionsArePricedByDevicesWhereTheyDependOnThem() {
        assertThat(price("firmware-management", 10_000)).extracting(PriceComponent::amount)
                .containsExactly(Money.of("2.00", "EUR"), Money.of("5.00", "EUR"));
        assertThat(price("usp", 10_000)).extracting(PriceComponent::amount).containsExactly(Money.of("5.00", "EUR"));
        assertThat(price("extended-retention", 50)).extracting(PriceComponent::amount).containsExactly(Money.of("1.00", "EUR"));
        assertThat(price("extended-retention", 20_000)).extracting(PriceComponent::amount).containsExactly(Money.of("20.00", "EUR"));
        assertThat(price("priority-support", 1)).extracting(PriceComponent::amount).containsExactly(Money.of("25.00", "EUR"));
    }

    @Test
    void theSameFiguresInUsdAndNoOtherCurrency() {
        assertThat(item("business").dailyRate(config(10_000), PricingContext.of(TenantId.DEFAULT, Currency.getInstance("USD"))))
                .extracting(c -> c.amount().toBigDecimal().toPlainString()).containsExactly("10.00", "35.00");
        assertThatThrownBy(() -> item("business").dailyRate(config(10_000), PricingContext.of(TenantId.DEFAULT, Currency.getInstance("JPY"))))
                .isInstanceOf(UnpricedException.class).hasMessage("Business is sold in EUR and USD, not JPY.");
    }

    @Test
    void theCatalogHasThreePackagesAndFourOptionsWithDistinctIds() {
        assertThat(DefaultCatalog.PACKAGES).hasSize(3).allMatch(CatalogItem::isPackage);
        assertThat(DefaultCatalog.OPTIONS).hasSize(4).noneMatch(CatalogItem::isPackage);
        assertThat(Set.copyOf(DefaultCatalog.PACKAGES.stream().map(CatalogItem::id).toList())).hasSize(3);
    }

    private static Money total(String id, long devices) {
        return price(id, devices).stream().map(PriceComponent::amount).reduce(Money.zero(EUR), Money::plus);
    }

    private static List<PriceComponent> price(String id, long devices) {
        return item(id).dailyRate(config(devices), PricingContext.of(TenantId.DEFAULT, EUR));
    }

    private static CatalogItem item(String id) {
        return java.util.stream.Stream.concat(DefaultCatalog.PACKAGES.stream(), DefaultCatalog.OPTIONS.stream())
                .filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }

    private static InstanceConfiguration config(long devices) {
        return InstanceConfiguration.of("any", devices, Set.of());
    }
}
