package org.dmscloud.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.catalog.DeviceRange;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.catalog.PriceComponent;
import org.dmscloud.spi.catalog.PricingContext;
import org.dmscloud.spi.catalog.PricingPlugin;
import org.dmscloud.spi.catalog.UnpricedException;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link PricingPlugin}, as the daily run and the portal call it: extend it in the plugin's
 * tests. For every device count the item is sold for (all of them in ranges up to 20,000; else the edges, the
 * first 2,000, counts around every power of ten and 4,000 spread and random ones) and every currency it is
 * offered in, the price is exact (whole minor units of the asked currency, never negative, a component per
 * line with the priced item's id and a label), pure (the same answer whatever was asked before, and
 * whichever tenant's customer asks, unless {@link #tenants()} says otherwise), and safe to call from the
 * daily run's workers at once. A currency it is not offered in is refused with a message for the customer.
 * How fast it is belongs in a benchmark: {@link PricingThroughput}.
 */
public abstract class PricingPluginContract {

    /** The plugin as registered. */
    protected abstract PricingPlugin plugin();

    /** The package or option id it prices: its {@link PricingPlugin#PRICED_ITEM} property. */
    protected abstract String pricedItem();

    /** A configuration that has the priced item, for this many devices. */
    protected abstract InstanceConfiguration configuration(long expectedDevices);

    /** The device counts the item is sold for: the package's range, or that of the packages an option goes with. */
    protected abstract DeviceRange devices();

    /** The currencies it is offered in. */
    protected abstract Set<Currency> currencies();

    /** Currencies it is not offered in, which it must refuse; by default the ISO code for tests, XTS. */
    protected Set<Currency> currenciesNotOffered() {
        return Set.of(Currency.getInstance("XTS"));
    }

    /** The tenants whose customers it prices the same; the platform's by default. */
    protected Set<TenantId> tenants() {
        return Set.of(TenantId.DEFAULT);
    }

    @Test
    void everyDeviceCountInEveryCurrencyHasAnExactPriceInThatCurrency() {
        for (Currency currency : currencies()) {
            for (long devices : deviceCounts()) {
                List<PriceComponent> components = price(devices, currency, TenantId.DEFAULT);
                assertThat(components).as("the price of %s devices in %s", devices, currency).isNotNull().isNotEmpty().doesNotContainNull();
                for (PriceComponent component : components) {
                    assertThat(component.amount().currency()).as("%s for %s devices", component, devices).isEqualTo(currency);
                    assertThat(component.amount().isNegative()).as("%s for %s devices is negative", component, devices).isFalse();
                    assertThat(component.item()).as("the item of %s", component).isEqualTo(pricedItem());
                    PluginTexts.assertCustomerText("the label of " + component, component.label(), 120);
                }
            }
        }
    }

    @Test
    void thePriceIsPureTheSameWhateverWasAskedBeforeAndWhicheverTenantAsks() {
        List<Long> counts = new ArrayList<>(deviceCounts());
        for (Currency currency : currencies()) {
            Map<Long, List<PriceComponent>> ascending = new HashMap<>();
            counts.forEach(devices -> ascending.put(devices, price(devices, currency, TenantId.DEFAULT)));
            List<Long> shuffled = new ArrayList<>(counts);
            Collections.shuffle(shuffled, new Random(11));
            for (long devices : shuffled) {
                for (TenantId tenant : tenants()) {
                    assertThat(price(devices, currency, tenant)).as("%s devices in %s for %s, asked again", devices, currency, tenant)
                            .isEqualTo(ascending.get(devices));
                }
            }
        }
    }

    @Test
    void itIsSafeToCallFromSeveralThreadsAtOnce() throws Exception {
        List<Long> counts = new ArrayList<>(deviceCounts());
        Currency currency = currencies().iterator().next();
        Map<Long, List<PriceComponent>> expected = new HashMap<>();
        counts.forEach(devices -> expected.put(devices, price(devices, currency, TenantId.DEFAULT)));
        ExecutorService workers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Map<Long, List<PriceComponent>>>> answers = new ArrayList<>();
            for (int worker = 0; worker < 8; worker++) {
                List<Long> order = new ArrayList<>(counts);
                Collections.shuffle(order, new Random(worker));
                answers.add(workers.submit(() -> {
                    Map<Long, List<PriceComponent>> prices = new HashMap<>();
                    order.forEach(devices -> prices.put(devices, price(devices, currency, TenantId.DEFAULT)));
                    return prices;
                }));
            }
            for (Future<Map<Long, List<PriceComponent>>> answer : answers) {
                assertThat(answer.get(5, TimeUnit.MINUTES)).isEqualTo(expected);
            }
        } finally {
            workers.shutdownNow();
        }
    }

    @Test
    void aCurrencyItIsNotOfferedInIsRefusedWithAMessageForTheCustomer() {
        for (Currency currency : currenciesNotOffered()) {
            assertThatThrownBy(() -> price(devices().min(), currency, TenantId.DEFAULT))
                    .as("pricing in %s", currency)
                    .isInstanceOf(UnpricedException.class)
                    .satisfies(refusal -> PluginTexts.assertCustomerText("the refusal", refusal.getMessage(), 300));
        }
    }

    private List<PriceComponent> price(long devices, Currency currency, TenantId tenant) {
        return plugin().dailyRate(configuration(devices), PricingContext.of(tenant, currency));
    }

    /** The device counts tried: see the class comment. */
    protected Set<Long> deviceCounts() {
        DeviceRange range = devices();
        Set<Long> counts = new TreeSet<>();
        if (range.max() - range.min() <= 20_000) {
            for (long devices = range.min(); devices <= range.max(); devices++) {
                counts.add(devices);
            }
            return counts;
        }
        for (long devices = range.min(); devices <= range.min() + 2_000; devices++) {
            counts.add(devices);
        }
        for (long power = 10; power <= range.max(); power *= 10) {
            for (long devices = power - 2; devices <= power + 2; devices++) {
                if (range.contains(devices)) {
                    counts.add(devices);
                }
            }
        }
        long step = Math.max(1, (range.max() - range.min()) / 2_000);
        for (long devices = range.min(); devices <= range.max(); devices += step) {
            counts.add(devices);
        }
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            counts.add(range.min() + (long) (random.nextDouble() * (range.max() - range.min() + 1)));
        }
        counts.add(range.max());
        counts.add(range.max() - 1);
        counts.removeIf(devices -> !range.contains(devices));
        return counts;
    }
}
