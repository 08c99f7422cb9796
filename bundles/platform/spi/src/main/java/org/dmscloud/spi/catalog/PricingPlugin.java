package org.dmscloud.spi.catalog;

import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.catalog.PriceComponent;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Puts a daily rate on one package or option. Register it with the property {@link #PRICED_ITEM} set
 * to the package or option id it prices, and with {@link org.dmscloud.spi.tenant.TenantScope#PROPERTY} to price
 * it for one tenant's customers only. For a tenant, its own plugin of an item beats the platform's; among
 * plugins of the same scope, the highest {@code service.ranking} wins.
 * <p>
 * Implement {@link #dailyRate(InstanceConfiguration, PricingContext)}; a plugin written before it existed
 * implements {@link #dailyRate(InstanceConfiguration, Currency)}, which the host still calls through it.
 * <p>
 * The host asks the package's plugin and each chosen option's plugin, and the instance's daily rate is
 * the sum of all their components. A price change applies from the next charge on (rule R10), so a
 * plugin must answer from its current prices only and never look at past charges.
 */
@ConsumerType
public interface PricingPlugin {

    /** Service property: the id of the package or option this plugin prices. Required. */
    String PRICED_ITEM = "dms.pricing.item";

    /**
     * The price of 24 hours of the priced item within this configuration, as one or more components
     * (a package typically answers a base fee and a fee for its devices). Amounts are in
     * {@code currency} and never negative. Must be fast, pure and thread-safe: the daily run calls it
     * for every instance.
     *
     * @throws UnpricedException if this configuration or currency cannot be priced; the message is shown
     *         to the customer
     * @deprecated since 1.1: implement {@link #dailyRate(InstanceConfiguration, PricingContext)}, which also says for
     *             which tenant's customer
     */
    @Deprecated
    default List<PriceComponent> dailyRate(InstanceConfiguration configuration, Currency currency) {
        throw new UnpricedException("This item cannot be priced: its pricing plugin implements neither dailyRate method.");
    }

    /**
     * The price of 24 hours of the priced item within this configuration, for a customer of
     * {@code context.tenant()}, as one or more components (a package typically answers a base fee and a fee
     * for its devices). Amounts are in {@code context.currency()} and never negative. Must be fast, pure and
     * thread-safe: the daily run calls it for every instance.
     *
     * @throws UnpricedException if this configuration or currency cannot be priced; the message is shown
     *         to the customer
     * @since 1.1
     */
    default List<PriceComponent> dailyRate(InstanceConfiguration configuration, PricingContext context) {
        return dailyRate(configuration, context.currency());
    }

    /**
     * A plugin that is one function, e.g. {@code PricingPlugin.of((configuration, context) -> List.of(...))}.
     *
     * @since 1.1
     */
    static PricingPlugin of(BiFunction<InstanceConfiguration, PricingContext, List<PriceComponent>> dailyRate) {
        Objects.requireNonNull(dailyRate, "dailyRate");
        return new PricingPlugin() {
            @Override
            public List<PriceComponent> dailyRate(InstanceConfiguration configuration, PricingContext context) {
                return dailyRate.apply(configuration, context);
            }
        };
    }
}
