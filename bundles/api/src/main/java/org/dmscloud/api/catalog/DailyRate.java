package org.dmscloud.api.catalog;

import java.util.Currency;
import java.util.List;
import java.util.Objects;

import org.dmscloud.api.money.Money;

/**
 * The price of 24 hours of one configuration: the sum of its components (package, devices, each option),
 * as the pricing plugins put it at one instant.
 */
public record DailyRate(Currency currency, List<PriceComponent> components) {

    public DailyRate {
        Objects.requireNonNull(currency, "currency");
        components = List.copyOf(components);
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
