package org.dmscloud.api.money;

import java.util.Currency;

/** Two amounts in different currencies were combined; money is never converted implicitly. */
public final class CurrencyMismatchException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public CurrencyMismatchException(Currency expected, Currency actual) {
        super("cannot combine " + expected.getCurrencyCode() + " with " + actual.getCurrencyCode());
    }
}
