package org.dmscloud.plugins.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dmscloud.api.catalog.DailyRate;
import org.dmscloud.api.catalog.DeviceRange;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.catalog.InvalidConfigurationException;
import org.dmscloud.api.catalog.PriceComponent;
import org.dmscloud.api.money.Money;
import org.dmscloud.spi.catalog.AddonOption;
import org.dmscloud.spi.catalog.InstancePackage;
import org.dmscloud.spi.catalog.PricingPlugin;
import org.dmscloud.spi.catalog.UnpricedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PluginPricingTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    private final PluginPricing pricing = new PluginPricing(null);

    @BeforeEach
    void catalog() {
        pricing.packages = List.of(Map.entry(Map.of(InstancePackage.PACKAGE_ID, "business"),
                new TestPackage("business", "Business", "", new DeviceRange(1_000, 20_000))));
        pricing.options = List.of(Map.entry(Map.of(AddonOption.OPTION_ID, "usp"), new TestOption("usp", "USP", "")),
                Map.entry(Map.of(AddonOption.OPTION_ID, "firmware"), new TestOption("firmware", "Firmware", "")));
        pricing.pricingPlugins = List.of(
                Map.entry(Map.of(PricingPlugin.PRICED_ITEM, "business"), (PricingPlugin) (configuration, currency) -> List.of(
                        new PriceComponent("business", "Business package", Money.ofMinor(1_200, currency)),
                        new PriceComponent("business", configuration.expectedDevices() + " CPE devices",
                                Money.ofMinor(configuration.expectedDevices() * 12 / 10, currency)))),
                Map.entry(Map.of(PricingPlugin.PRICED_ITEM, "usp"), (PricingPlugin) (configuration, currency) -> List.of(
                        new PriceComponent("usp", "USP", Money.ofMinor(500, currency)))),
                Map.entry(Map.of(PricingPlugin.PRICED_ITEM, "firmware"), (PricingPlugin) (configuration, currency) -> {
                    throw new UnpricedException("Firmware management is sold in USD only.");
                }));
    }

    @Test
    void theRateIsThePackagePlusEachOptionWithTheirComponents() {
        DailyRate rate = pricing.dailyRate(InstanceConfiguration.of("business", 1_000, Set.of("usp")), EUR);

        assertThat(rate.components()).extracting(PriceComponent::label).containsExactly("Business package", "1000 CPE devices", "USP");
        assertThat(rate.total()).isEqualTo(Money.of("29.00", "EUR"));
    }

    @Test
    void anUnknownPackageIsNamed() {
        assertThatThrownBy(() -> pricing.dailyRate(InstanceConfiguration.of("gold", 1_000, Set.of()), EUR))
                .isInstanceOf(InvalidConfigurationException.class).hasMessage("There is no package 'gold' on sale.")
                .extracting(e -> ((InvalidConfigurationException) e).field()).isEqualTo("packageId");
    }

    @Test
    void devicesOutsideThePackagesRangeAreRefused() {
        assertThatThrownBy(() -> pricing.dailyRate(InstanceConfiguration.of("business", 999, Set.of()), EUR))
                .hasMessage("The Business package is for 1000–20000 CPE devices, not 999.")
                .extracting(e -> ((InvalidConfigurationException) e).field()).isEqualTo("expectedDevices");
    }

    @Test
    void anUnknownOptionIsNamed() {
        assertThatThrownBy(() -> pricing.dailyRate(InstanceConfiguration.of("business", 1_000, Set.of("backup")), EUR))
                .hasMessage("There is no option 'backup' on sale.");
    }

    @Test
    void aPluginsRefusalReachesTheCustomer() {
        assertThatThrownBy(() -> pricing.dailyRate(InstanceConfiguration.of("business", 1_000, Set.of("firmware")), EUR))
                .isInstanceOf(InvalidConfigurationException.class).hasMessage("Firmware management is sold in USD only.");
    }

    @Test
    void anOptionWithoutPricingIsNotOnSale() {
        pricing.options = List.of(Map.entry(Map.of(AddonOption.OPTION_ID, "free-lunch"), new TestOption("free-lunch", "Lunch", "")));
        assertThatThrownBy(() -> pricing.dailyRate(InstanceConfiguration.of("business", 1_000, Set.of("free-lunch")), EUR))
                .hasMessage("There is no option 'free-lunch' on sale.");
    }

    private record TestPackage(String id, String name, String description, DeviceRange devices) implements InstancePackage {
    }

    private record TestOption(String id, String name, String description) implements AddonOption {
    }
}
