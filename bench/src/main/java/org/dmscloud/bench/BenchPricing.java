package org.dmscloud.bench;

import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import org.dmscloud.api.catalog.DeviceRange;
import org.dmscloud.api.catalog.PriceComponent;
import org.dmscloud.api.money.Money;
import org.dmscloud.spi.catalog.InstancePackage;
import org.dmscloud.spi.catalog.PricingPlugin;

/**
 * The default catalog's Business package, for the benchmark: 10.00 a day plus, per started 100 devices, 0.40
 * up to 5,000 devices and 0.30 above, as a package and a pricing plugin that the production pricing (per
 * tenant, with its markup) reads; and the same figures by hand, for the plain loop.
 */
final class BenchPricing {

    static final String PACKAGE = "business";
    private static final long BASE_MINOR = 10_00;

    private BenchPricing() {
    }

    /** The package's service as DS would hand it to the host. */
    static List<Map.Entry<Map<String, Object>, InstancePackage>> packages() {
        InstancePackage business = new InstancePackage() {
            @Override
            public String id() {
                return PACKAGE;
            }

            @Override
            public String name() {
                return "Business";
            }

            @Override
            public String description() {
                return "The benchmark's package.";
            }

            @Override
            public DeviceRange devices() {
                return new DeviceRange(1, 1_000_000);
            }
        };
        return List.of(Map.entry(Map.of(InstancePackage.PACKAGE_ID, PACKAGE), business));
    }

    /** Its pricing plugin's service. */
    static List<Map.Entry<Map<String, Object>, PricingPlugin>> plugins() {
        PricingPlugin plugin = PricingPlugin.of((configuration, context) -> List.of(
                new PriceComponent(PACKAGE, "Business package", Money.ofMinor(BASE_MINOR, context.currency())),
                new PriceComponent(PACKAGE, configuration.expectedDevices() + " CPE devices",
                        Money.ofMinor(devicesMinor(configuration.expectedDevices()), context.currency()))));
        return List.of(Map.entry(Map.of(PricingPlugin.PRICED_ITEM, PACKAGE), plugin));
    }

    /** The daily rate with a tenant's markup on each line, rounded up, as the host prices it. */
    static long dailyMinor(long devices, int markupBasisPoints) {
        return marked(BASE_MINOR, markupBasisPoints) + marked(devicesMinor(devices), markupBasisPoints);
    }

    /** The ledger entry's breakdown as the daily run writes it. */
    static String breakdown(long devices, int markupBasisPoints) {
        return "[{\"item\":\"business\",\"label\":\"Business package\",\"amount\":" + marked(BASE_MINOR, markupBasisPoints)
                + "},{\"item\":\"business\",\"label\":\"" + devices + " CPE devices\",\"amount\":"
                + marked(devicesMinor(devices), markupBasisPoints) + "}]";
    }

    private static long devicesMinor(long devices) {
        long blocks = (devices + 99) / 100;
        return Math.min(blocks, 50) * 40 + Math.max(0, blocks - 50) * 30;
    }

    private static long marked(long minor, int markupBasisPoints) {
        return Money.ofMinor(minor, "EUR").fraction(10_000 + markupBasisPoints, 10_000, RoundingMode.CEILING).minorUnits();
    }
}
