package org.dmscloud.web.internal;

import java.text.NumberFormat;
import java.util.Locale;

import org.dmscloud.api.money.Money;

/** Money as a person reads it, such as {@code €12.50}: exact (from its decimal value, never a double), with all its minor units. */
final class MoneyFormat {

    private MoneyFormat() {
    }

    static String format(Money money, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(money.currency());
        int decimals = Math.max(0, money.currency().getDefaultFractionDigits());
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        return format.format(money.toBigDecimal());
    }
}
