package org.dmscloud.billing.internal;

import java.util.List;

import org.dmscloud.api.catalog.DailyRate;
import org.dmscloud.api.catalog.ItemNotOnSaleException;
import org.dmscloud.api.catalog.PriceComponent;
import org.dmscloud.api.instance.Instance;
import org.dmscloud.api.money.Money;

/**
 * R12: the rate an instance goes on at when its configuration has no current price (an item withdrawn):
 * the rate it last paid, as one component that says why.
 */
final class LastPaidRate {

    private LastPaidRate() {
    }

    static DailyRate of(Money paidRate, String packageId, RuntimeException why) {
        String item = why instanceof ItemNotOnSaleException withdrawn ? withdrawn.item() : packageId;
        String label = why instanceof ItemNotOnSaleException withdrawn ? "Rate last paid: '" + withdrawn.item() + "' is no longer on sale (R12)"
                : "Rate last paid: " + why.getMessage();
        return new DailyRate(paidRate.currency(), List.of(new PriceComponent(item, label, paidRate)));
    }

    static DailyRate of(Instance instance, RuntimeException why) {
        return of(instance.paidRate(), instance.configuration().packageId(), why);
    }

    /** Created disabled and never enabled, an instance's coverage ends where it began: it has no rate to go on at. */
    static boolean exists(Instance instance) {
        return instance.paidUntil().isAfter(instance.createdAt());
    }
}
