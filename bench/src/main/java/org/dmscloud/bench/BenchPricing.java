package org.dmscloud.bench;

import java.util.Currency;
import java.util.List;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.catalog.DailyRate;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.catalog.PriceComponent;
import org.dmscloud.api.catalog.Pricing;
import org.dmscloud.api.money.Money;

/**
 * The default catalog's Business package price, for the benchmark: 10.00 a day plus, per started 100
 * devices, 0.40 up to 5,000 devices and 0.30 above. Both the daily run and the plain loop use it.
 */
final class BenchPricing implements Pricing {

    static long dailyMinor(long devices) {
        long blocks = (devices + 99) / 100;
        return 10_00 + Math.min(blocks, 50) * 40 + Math.max(0, blocks - 50) * 30;
    }

    @Override
    public DailyRate dailyRate(TenantId tenant, InstanceConfiguration configuration, Currency currency) {
        long devicesMinor = dailyMinor(configuration.expectedDevices()) - 10_00;
        return new DailyRate(currency, List.of(new PriceComponent("business", "Business package", Money.ofMinor(10_00, currency)),
                new PriceComponent("business", configuration.expectedDevices() + " CPE devices", Money.ofMinor(devicesMinor, currency))));
    }
}
