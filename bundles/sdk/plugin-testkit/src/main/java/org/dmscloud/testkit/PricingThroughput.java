package org.dmscloud.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.catalog.PriceComponent;
import org.dmscloud.spi.catalog.PricingContext;
import org.dmscloud.spi.catalog.PricingPlugin;

/**
 * A benchmark harness for a pricing plugin: how many prices per second it answers on one thread, the median
 * of several rounds after a warm-up. The daily run asks once per distinct configuration and tenant, so even
 * a slow plugin rarely decides how long a run takes; a figure here tells whether it could. Run it from a
 * benchmark (a {@code main} or JMH), not a unit test: timings in tests fail on busy machines and prove nothing.
 */
public final class PricingThroughput {

    private PricingThroughput() {
    }

    /** Prices per second, median of {@code rounds} rounds of {@code configurations} each, after as many warm-up rounds. */
    public static double pricesPerSecond(PricingPlugin plugin, List<InstanceConfiguration> configurations, PricingContext context, int rounds) {
        Objects.requireNonNull(plugin, "plugin");
        if (configurations.isEmpty() || rounds < 1) {
            throw new IllegalArgumentException("give at least one configuration and one round");
        }
        long sink = 0;
        for (int warmUp = 0; warmUp < rounds; warmUp++) {
            sink += round(plugin, configurations, context);
        }
        List<Double> rates = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            long started = System.nanoTime();
            sink += round(plugin, configurations, context);
            long elapsed = Math.max(1, System.nanoTime() - started);
            rates.add(configurations.size() * 1e9 / elapsed);
        }
        if (sink == Long.MIN_VALUE) {
            System.out.print(""); // keeps the answers alive, so that the JIT cannot drop the calls
        }
        Collections.sort(rates);
        return rates.get(rates.size() / 2);
    }

    private static long round(PricingPlugin plugin, List<InstanceConfiguration> configurations, PricingContext context) {
        long total = 0;
        for (InstanceConfiguration configuration : configurations) {
            for (PriceComponent component : plugin.dailyRate(configuration, context)) {
                total += component.amount().minorUnits();
            }
        }
        return total;
    }
}
