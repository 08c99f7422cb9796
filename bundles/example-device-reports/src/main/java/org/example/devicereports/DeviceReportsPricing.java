package org.example.devicereports;

import java.util.List;
import java.util.Map;

import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.catalog.PriceComponent;
import org.dmscloud.api.money.Money;
import org.dmscloud.spi.catalog.PricingContext;
import org.dmscloud.spi.catalog.PricingPlugin;
import org.dmscloud.spi.catalog.UnpricedException;
import org.dmscloud.spi.tenant.TenantScope;
import org.osgi.service.component.annotations.Component;

/**
 * 24 hours of device reports: a base fee and a fee for each started thousand expected devices, in whole
 * minor units (exact, never negative), the same for every call with the same configuration (pure).
 */
@Component(property = { PricingPlugin.PRICED_ITEM + "=" + DeviceReports.OPTION_ID, TenantScope.PROPERTY + "=" + DeviceReports.TENANT })
public class DeviceReportsPricing implements PricingPlugin {

    /** Minor units per day: the base fee, and the fee per started thousand devices, by currency. */
    private static final Map<String, long[]> PRICES = Map.of("EUR", new long[] { 1_50, 50 }, "USD", new long[] { 1_65, 55 });

    @Override
    public List<PriceComponent> dailyRate(InstanceConfiguration configuration, PricingContext context) {
        long[] prices = PRICES.get(context.currency().getCurrencyCode());
        if (prices == null) {
            throw new UnpricedException("Device reports are sold in EUR and USD only.");
        }
        long thousands = (configuration.expectedDevices() + 999) / 1_000;
        return List.of(new PriceComponent(DeviceReports.OPTION_ID, "Device reports for " + configuration.expectedDevices() + " devices",
                Money.ofMinor(prices[0] + prices[1] * thousands, context.currency())));
    }
}
