package org.dmscloud.api.catalog;

import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.dmscloud.api.money.Money;

/**
 * The price of 24 hours of one configuration: the sum of its components (package, devices, each option),
 * as the pricing plugins put it at one instant.
 *
 * @param ownItems the package and options of the configuration that the tenant's own bundles supply, rather than the
 *                 platform's: an item of the same id from another supplier is another item (R12)
 */
public record DailyRate(Currency currency, List<PriceComponent> components, Set<String> ownItems) {

    /** A rate of items the platform supplies. */
    public DailyRate(Currency currency, List<PriceComponent> components) {
        this(currency, components, Set.of());
    }

    public DailyRate {
        Objects.requireNonNull(currency, "currency");
        components = List.copyOf(components);
        ownItems = Set.copyOf(ownItems);
        for (PriceComponent component : components) {
            if (!component.amount().currency().equals(currency)) {
                throw new IllegalArgumentException("component " + component.label() + " is priced in "
                        + component.amount().currencyCode() + ", not " + currency.getCurrencyCode());
            }
        }
    }

    public Money total() {
        Money total = Money.zero(currency);
        for (PriceComponent component : components) {
            total = total.plus(component.amount());
        }
        return total;
    }
}
