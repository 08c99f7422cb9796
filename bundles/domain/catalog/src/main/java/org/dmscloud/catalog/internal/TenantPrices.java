package org.dmscloud.catalog.internal;

import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

import org.dmscloud.api.catalog.PriceComponent;
import org.dmscloud.api.money.Money;
import org.dmscloud.api.tenant.PriceAdjustment;

/**
 * A tenant's own prices on the platform's: an item's fixed daily price in the rate's currency replaces
 * everything the platform's plugin answered for it; otherwise the tenant's markup (or discount) moves each
 * component. A markup is rounded up to the minor unit: a rounding never goes in the customer's favour,
 * whichever way the tenant moves the price, so the platform's rounding rule holds for every tenant.
 */
final class TenantPrices {

    private static final long WHOLE = 10_000;

    private TenantPrices() {
    }

    /**
     * @param platformComponents what the platform's plugin of the item answered, all in {@code currency}
     * @param label              how the fixed price is shown, e.g. "Business package"
     */
    static List<PriceComponent> adjust(PriceAdjustment prices, String item, String label, List<PriceComponent> platformComponents,
            java.util.Currency currency) {
        Optional<Money> fixed = Optional.ofNullable(prices.dailyPrices().get(item)).filter(price -> price.currency().equals(currency));
        if (fixed.isPresent()) {
            return List.of(new PriceComponent(item, label, fixed.get()));
        }
        if (prices.markupBasisPoints() == 0) {
            return platformComponents;
        }
        return platformComponents.stream().map(component -> new PriceComponent(component.item(), component.label(),
                component.amount().fraction(WHOLE + prices.markupBasisPoints(), WHOLE, RoundingMode.CEILING))).toList();
    }
}
