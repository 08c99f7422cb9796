package org.dmscloud.rest.internal;

import org.dmscloud.api.money.Money;

/** Money in JSON: the amount as a decimal string with the currency's scale, e.g. {"amount":"24.00","currency":"EUR"}. */
public record MoneyView(String amount, String currency) {

    static MoneyView of(Money money) {
        return money == null ? null : new MoneyView(money.toBigDecimal().toPlainString(), money.currencyCode());
    }
}
