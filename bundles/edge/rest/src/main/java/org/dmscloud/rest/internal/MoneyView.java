package org.dmscloud.rest.internal;

import org.dmscloud.api.money.Money;

import io.swagger.v3.oas.annotations.media.Schema;

/** Money in JSON: the amount as a decimal string with the currency's scale, e.g. {"amount":"24.00","currency":"EUR"}. */
public record MoneyView(@Schema(pattern = "^-?[0-9]+(\\.[0-9]+)?$", example = "24.00") String amount,
        @Schema(pattern = "^[A-Z]{3}$", example = "EUR") String currency) {

    static MoneyView of(Money money) {
        return money == null ? null : new MoneyView(money.toBigDecimal().toPlainString(), money.currencyCode());
    }
}
