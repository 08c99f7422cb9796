package org.dmscloud.spi.catalog;

import java.util.Currency;
import java.util.List;

import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.catalog.PriceComponent;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Puts a daily rate on one package or option. Register it with the property {@link #PRICED_ITEM} set
 * to the package or option id it prices. When several plugins price the same item, the one with the
 * highest {@code service.ranking} wins, so a reseller can re-price an item without replacing it.
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
     */
    List<PriceComponent> dailyRate(InstanceConfiguration configuration, Currency currency);
}
