package org.dmscloud.catalog.defaults.internal;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;

import org.dmscloud.api.catalog.DeviceRange;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.catalog.PriceComponent;
import org.dmscloud.api.money.Money;
import org.dmscloud.spi.catalog.PricingContext;
import org.dmscloud.spi.catalog.PricingPlugin;
import org.dmscloud.spi.catalog.UnpricedException;

/**
 * A package (with a device range) or an option (without), and the pricing plugin that prices it: a fee
 * for the item and, where it depends on them, a line for the devices.
 */
record CatalogItem(String id, String name, String description, DeviceRange devices, DevicePricing pricing) implements PricingPlugin {

    /** The list prices are the same figures in each of these currencies. */
    static final Set<String> CURRENCIES = Set.of("EUR", "USD");

    static CatalogItem option(String id, String name, String description, DevicePricing pricing) {
        return new CatalogItem(id, name, description, null, pricing);
    }

    boolean isPackage() {
        return devices != null;
    }

    @Override
    public List<PriceComponent> dailyRate(InstanceConfiguration configuration, PricingContext context) {
        Currency currency = context.currency();
        if (!CURRENCIES.contains(currency.getCurrencyCode())) {
            throw new UnpricedException(name + " is sold in EUR and USD, not " + currency.getCurrencyCode() + ".");
        }
        List<PriceComponent> components = new ArrayList<>(2);
        if (pricing.baseMinor() > 0 || pricing.tiers().isEmpty()) {
            components.add(new PriceComponent(id, isPackage() ? name + " package" : name, Money.ofMinor(pricing.baseMinor(), currency)));
        }
        if (!pricing.tiers().isEmpty() || pricing.minimumMinor() > 0) {
            String label = (configuration.expectedDevices() == 1 ? "1 CPE device" : String.format(java.util.Locale.ROOT, "%,d CPE devices",
                    configuration.expectedDevices())) + (isPackage() ? "" : " (" + name + ")");
            components.add(new PriceComponent(id, label, Money.ofMinor(pricing.devicesMinor(configuration.expectedDevices()), currency)));
        }
        return components;
    }
}
