package org.dmscloud.api.catalog;

import java.util.Objects;

import org.dmscloud.api.money.Money;

/**
 * One line of a daily rate, e.g. "Business package" 15.00 or "2,000 CPE devices" 9.00.
 *
 * @param item   the package or option id it prices
 * @param label  the line as customers read it
 * @param amount the price of 24 hours, never negative
 */
public record PriceComponent(String item, String label, Money amount) {

    public PriceComponent {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("a price component cannot be negative: " + label + " " + amount);
        }
    }
}
