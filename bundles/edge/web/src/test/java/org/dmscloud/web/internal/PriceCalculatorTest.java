package org.dmscloud.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.catalog.CatalogOption;
import org.dmscloud.api.catalog.CatalogPackage;
import org.dmscloud.api.catalog.DailyRate;
import org.dmscloud.api.catalog.DeviceRange;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.catalog.InvalidConfigurationException;
import org.dmscloud.api.catalog.PriceComponent;
import org.dmscloud.api.catalog.Pricing;
import org.dmscloud.api.money.Money;
import org.junit.jupiter.api.Test;

class PriceCalculatorTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final TenantId TENANT = TenantId.DEFAULT;
    private static final List<CatalogPackage> PACKAGES = List.of(
            new CatalogPackage("small", "Small", "Up to 1,000 devices", new DeviceRange(1, 1000), true, "test"),
            new CatalogPackage("large", "Large", "Up to 100,000 devices", new DeviceRange(1001, 100_000), true, "test"));
    private static final List<CatalogOption> OPTIONS = List.of(new CatalogOption("backup", "Backup", "Nightly backups", true, "test"));
    private static final Texts TEXTS = Texts.in(Locale.ENGLISH);

    /** The pricing asked, and its answer: 0.01 a device, and 1.50 for each option. */
    private final List<InstanceConfiguration> asked = new ArrayList<>();
    private final Pricing pricing = (tenant, configuration, currency) -> {
        asked.add(configuration);
        if (configuration.packageId().equals("small") && configuration.expectedDevices() > 1000) {
            throw new InvalidConfigurationException("expectedDevices", "Small is for 1 to 1,000 CPE devices.");
        }
        if (configuration.optionIds().contains("backup") && configuration.expectedDevices() == 666) {
            throw new org.dmscloud.api.catalog.PricingUnavailableException("backup", new NoClassDefFoundError("org/example/Tariff"));
        }
        List<PriceComponent> components = new ArrayList<>();
        components.add(new PriceComponent(configuration.packageId(), "Package and devices", Money.ofMinor(configuration.expectedDevices(), currency)));
        configuration.optionIds().forEach(option -> components.add(new PriceComponent(option, option, Money.ofMinor(150, currency))));
        return new DailyRate(currency, components);
    };
    private final PriceCalculator calculator = new PriceCalculator(pricing);

    @Test
    void firstShowsTheFirstPackageAtItsFewestDevicesAndPricesNothing() {
        Calculation calculation = calculate(Map.of());

        assertThat(calculation.packageId()).isEqualTo("small");
        assertThat(calculation.devices()).isEqualTo("1");
        assertThat(calculation.priced()).isFalse();
        assertThat(asked).isEmpty();
    }

    @Test
    void pricesThePackageTheDevicesAndEachOptionWithTheirTotal() {
        Calculation calculation = calculate(Map.of("package", new String[] { "small" }, "devices", new String[] { " 500 " },
                "option", new String[] { "backup" }));

        assertThat(asked).containsExactly(InstanceConfiguration.of("small", 500, java.util.Set.of("backup")));
        assertThat(calculation.lines()).extracting(Calculation.PriceLine::amount).containsExactly("€5.00", "€1.50");
        assertThat(calculation.total()).isEqualTo("€6.50");
        assertThat(calculation.errors()).isEmpty();
    }

    @Test
    void whatIsNotSoldOrNotANumberIsAMessageBesideItsFieldAndNothingIsPriced() {
        Calculation calculation = calculate(Map.of("package", new String[] { "huge" }, "devices", new String[] { "1e3" },
                "option", new String[] { "<script>" }));

        assertThat(calculation.errors()).containsOnlyKeys("package", "devices", "option");
        assertThat(calculation.invalid("devices")).isEqualTo("true");
        assertThat(calculation.priced()).isFalse();
        assertThat(asked).isEmpty();
    }

    @Test
    void thePricingsOwnRefusalIsShownBesideTheFieldItNames() {
        Calculation calculation = calculate(Map.of("package", new String[] { "small" }, "devices", new String[] { "5000" }));

        assertThat(calculation.error("devices")).isEqualTo("Small is for 1 to 1,000 CPE devices.");
        assertThat(calculation.invalid("package")).isEqualTo("false");
        assertThat(calculation.priced()).isFalse();
    }

    @Test
    void aPluginThatCannotPriceAnOptionIsSaidBesideTheOptionsAndThePageStillWorks() {
        Calculation calculation = calculate(Map.of("package", new String[] { "small" }, "devices", new String[] { "666" },
                "option", new String[] { "backup" }));

        assertThat(calculation.error("option")).isEqualTo("'backup' cannot be priced right now. Nothing was done; please try again in a few minutes.");
        assertThat(calculation.priced()).isFalse();
    }

    @Test
    void aNumberWrittenAsThePagesPrintNumbersIsTakenAndAnAmbiguousOneIsNot() {
        Calculation grouped = calculate(Map.of("package", new String[] { "small" }, "devices", new String[] { "1,000" }));
        Calculation spaced = calculate(Map.of("package", new String[] { "small" }, "devices", new String[] { "1 000" }));
        Calculation decimal = calculate(Map.of("package", new String[] { "small" }, "devices", new String[] { "1,5" }));

        assertThat(grouped.total()).isEqualTo("€10.00");
        assertThat(spaced.total()).isEqualTo("€10.00");
        assertThat(decimal.errors()).containsOnlyKeys("devices");
    }

    @Test
    void noDevicesAtAllIsRefusedBeforeThePricingIsAsked() {
        Calculation calculation = calculate(Map.of("package", new String[] { "small" }, "devices", new String[] { "0" }));

        assertThat(calculation.error("devices")).isNotEmpty();
        assertThat(asked).isEmpty();
    }

    private Calculation calculate(Map<String, String[]> query) {
        return calculator.calculate(query, TENANT, EUR, PACKAGES, OPTIONS, TEXTS);
    }
}
