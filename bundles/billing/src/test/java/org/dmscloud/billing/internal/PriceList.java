package org.dmscloud.billing.internal;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.dmscloud.api.catalog.DailyRate;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.catalog.InvalidConfigurationException;
import org.dmscloud.api.catalog.PriceComponent;
import org.dmscloud.api.catalog.Pricing;
import org.dmscloud.api.money.Money;

/**
 * The prices the billing tests sell at, changeable between steps (rule R10). Package "standard": a base
 * fee plus a fee per started 100 devices, so that 1,000 devices cost 24.00 a day and 2,000 cost 36.00,
 * the figures of BILLING-RULES.md's worked examples; options at a flat daily fee.
 */
final class PriceList implements Pricing {

    private volatile long baseMinor = 12_00;
    private volatile long per100DevicesMinor = 1_20;
    private final Map<String, Long> optionsMinor = new ConcurrentHashMap<>(Map.of("firmware", 3_00L, "usp", 5_00L));

    /** Changes the package's prices, as an operator would change the catalog. */
    void setPackagePrices(long baseMinor, long per100DevicesMinor) {
        this.baseMinor = baseMinor;
        this.per100DevicesMinor = per100DevicesMinor;
    }

    void setOptionPrice(String option, long minor) {
        optionsMinor.put(option, minor);
    }

    void withdrawOption(String option) {
        optionsMinor.remove(option);
    }

    @Override
    public DailyRate dailyRate(InstanceConfiguration configuration, Currency currency) {
        if (!configuration.packageId().equals("standard")) {
            throw new InvalidConfigurationException("packageId", "There is no package '" + configuration.packageId() + "' on sale.");
        }
        long blocks = (configuration.expectedDevices() + 99) / 100;
        List<PriceComponent> components = new ArrayList<>(List.of(
                new PriceComponent("standard", "Standard package", Money.ofMinor(baseMinor, currency)),
                new PriceComponent("standard", configuration.expectedDevices() + " CPE devices", Money.ofMinor(blocks * per100DevicesMinor, currency))));
        for (String option : configuration.optionIds()) {
            Long price = optionsMinor.get(option);
            if (price == null) {
                throw new InvalidConfigurationException("optionIds", "There is no option '" + option + "' on sale.");
            }
            components.add(new PriceComponent(option, option, Money.ofMinor(price, currency)));
        }
        return new DailyRate(currency, components);
    }
}
