package org.dmscloud.api.tenant;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.dmscloud.api.money.Money;

/**
 * A tenant's own prices, without a plugin of its own: a markup (or discount) on every item the platform
 * prices, in basis points (1,000 = 10 %), and fixed daily prices for chosen items, which replace the
 * platform's price of that item (all its components) in that currency.
 *
 * @param dailyPrices item id to its daily price, one currency per entry
 */
public record PriceAdjustment(int markupBasisPoints, Map<String, Money> dailyPrices) {

    public static final PriceAdjustment NONE = new PriceAdjustment(0, Map.of());

    public PriceAdjustment {
        Objects.requireNonNull(dailyPrices, "dailyPrices");
        dailyPrices = Map.copyOf(new TreeMap<>(dailyPrices));
    }

    public boolean isNone() {
        return markupBasisPoints == 0 && dailyPrices.isEmpty();
    }
}
