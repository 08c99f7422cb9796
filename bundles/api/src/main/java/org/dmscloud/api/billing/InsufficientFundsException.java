package org.dmscloud.api.billing;

import org.dmscloud.api.money.Money;

/** An action would cost more than the balance holds; nothing was changed. */
public class InsufficientFundsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Money needed;
    private final transient Money balance;

    public InsufficientFundsException(Money needed, Money balance) {
        super("This costs " + needed + " but the balance is " + balance + ". Top up at least "
                + needed.minus(balance) + " and try again.");
        this.needed = needed;
        this.balance = balance;
    }

    public Money needed() {
        return needed;
    }

    public Money balance() {
        return balance;
    }
}
