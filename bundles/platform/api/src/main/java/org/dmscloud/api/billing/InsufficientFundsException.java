package org.dmscloud.api.billing;

import java.util.Map;

import org.dmscloud.api.money.Money;
import org.dmscloud.api.problem.ApiProblem;

/** An action would cost more than the balance holds; nothing was changed. */
public class InsufficientFundsException extends RuntimeException implements ApiProblem {

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

    @Override
    public String problemType() {
        return "insufficient-funds";
    }

    @Override
    public int problemStatus() {
        return 402;
    }

    @Override
    public Map<String, Object> problemMembers() {
        return Map.of(NEEDED, needed, BALANCE, balance);
    }
}
