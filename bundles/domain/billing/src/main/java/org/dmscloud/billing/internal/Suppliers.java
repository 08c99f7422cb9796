package org.dmscloud.billing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.dmscloud.api.catalog.DailyRate;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.catalog.ItemNotOnSaleException;

/**
 * R12 when another bundle supplies an item of the same id: a reseller's own option withdrawn while the platform sells
 * one under its id (or the other way round) is still withdrawn, and the instance goes on at the rate it last paid
 * instead of being charged the other supplier's price without a word. Items are told apart by who supplied them when
 * the instance was last charged at a current price: the tenant's own bundles, or the platform's.
 */
final class Suppliers {

    private Suppliers() {
    }

    /**
     * The first item of the configuration (its package, then its options by id) that another supplier offers now than
     * the one it was charged from, as the withdrawal it is; empty when every item has its supplier, or the suppliers it
     * was charged from are not known (an instance charged before they were recorded).
     */
    static Optional<ItemNotOnSaleException> changed(Optional<Set<String>> chargedOwnItems, DailyRate current, InstanceConfiguration configuration) {
        if (chargedOwnItems.isEmpty()) {
            return Optional.empty();
        }
        List<String> items = new ArrayList<>();
        items.add(configuration.packageId());
        items.addAll(configuration.optionIds());
        for (String item : items) {
            if (chargedOwnItems.get().contains(item) != current.ownItems().contains(item)) {
                String field = item.equals(configuration.packageId()) ? "packageId" : "optionIds";
                return Optional.of(new ItemNotOnSaleException(field, item, "'" + item + "' is no longer on sale from the seller it was bought "
                        + "from."));
            }
        }
        return Optional.empty();
    }
}
