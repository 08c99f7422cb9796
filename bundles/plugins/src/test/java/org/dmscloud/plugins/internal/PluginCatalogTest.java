package org.dmscloud.plugins.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dmscloud.api.catalog.CatalogOption;
import org.dmscloud.api.catalog.CatalogPackage;
import org.dmscloud.api.catalog.DeviceRange;
import org.dmscloud.api.catalog.PriceComponent;
import org.dmscloud.spi.catalog.AddonOption;
import org.dmscloud.spi.catalog.InstancePackage;
import org.dmscloud.spi.catalog.PricingPlugin;
import org.junit.jupiter.api.Test;

class PluginCatalogTest {

    private final PluginCatalog catalog = new PluginCatalog(null);

    @Test
    void listsWhatPluginsRegisterSortedById() {
        catalog.packages = List.of(entry(InstancePackage.PACKAGE_ID, "starter", pkg("starter", "Starter")),
                entry(InstancePackage.PACKAGE_ID, "business", pkg("business", "Business")));
        catalog.options = List.of(entry(AddonOption.OPTION_ID, "firmware", option("firmware", "Firmware management")));
        catalog.pricingPlugins = List.of(entry(PricingPlugin.PRICED_ITEM, "starter", freePricing()));

        assertThat(catalog.packages()).extracting(CatalogPackage::id).containsExactly("business", "starter");
        assertThat(catalog.options()).extracting(CatalogOption::name).containsExactly("Firmware management");
        assertThat(catalog.findPackage("starter")).get().extracting(CatalogPackage::devices).isEqualTo(new DeviceRange(1, 500));
        assertThat(catalog.findPackage("nope")).isEmpty();
    }

    @Test
    void onlyItemsWithAPricingPluginArePriced() {
        catalog.packages = List.of(entry(InstancePackage.PACKAGE_ID, "starter", pkg("starter", "Starter")),
                entry(InstancePackage.PACKAGE_ID, "business", pkg("business", "Business")));
        catalog.options = List.of(entry(AddonOption.OPTION_ID, "firmware", option("firmware", "Firmware")));
        catalog.pricingPlugins = List.of(entry(PricingPlugin.PRICED_ITEM, "business", freePricing()));

        assertThat(catalog.findPackage("business")).get().extracting(CatalogPackage::priced).isEqualTo(true);
        assertThat(catalog.findPackage("starter")).get().extracting(CatalogPackage::priced).isEqualTo(false);
        assertThat(catalog.findOption("firmware")).get().extracting(CatalogOption::priced).isEqualTo(false);
    }

    @Test
    void theHigherRankedServiceWinsAnId() {
        // DS hands the list sorted by ranking, lowest first.
        catalog.packages = List.of(entry(InstancePackage.PACKAGE_ID, "starter", pkg("starter", "Starter")),
                entry(InstancePackage.PACKAGE_ID, "starter", pkg("starter", "Starter by a reseller")));

        assertThat(catalog.packages()).extracting(CatalogPackage::name).containsExactly("Starter by a reseller");
    }

    @Test
    void aServiceWithoutItsIdPropertyIsNotInTheCatalog() {
        List<Map.Entry<Map<String, Object>, InstancePackage>> packages = new ArrayList<>();
        packages.add(Map.entry(Map.of(), pkg("ghost", "Ghost")));
        packages.add(entry(InstancePackage.PACKAGE_ID, " ", pkg("blank", "Blank")));
        catalog.packages = packages;

        assertThat(catalog.packages()).isEmpty();
    }

    @Test
    void anEmptyCatalogIsEmpty() {
        assertThat(catalog.packages()).isEmpty();
        assertThat(catalog.options()).isEmpty();
    }

    private static <S> Map.Entry<Map<String, Object>, S> entry(String property, String id, S service) {
        return Map.entry(Map.of(property, id), service);
    }

    private static InstancePackage pkg(String id, String name) {
        return new TestPackage(id, name, name + " package", new DeviceRange(1, 500));
    }

    private static AddonOption option(String id, String name) {
        return new TestOption(id, name, name + " option");
    }

    /** A record's accessors implement the SPI's methods. */
    private record TestPackage(String id, String name, String description, DeviceRange devices) implements InstancePackage {
    }

    private record TestOption(String id, String name, String description) implements AddonOption {
    }

    private static PricingPlugin freePricing() {
        return (configuration, currency) -> List.<PriceComponent>of();
    }
}
