package org.dmscloud.spi.payment;

import java.util.Objects;

import org.dmscloud.api.money.Money;

/**
 * Where a started top-up stands according to its payment system.
 *
 * @param status   pending, paid or failed
 * @param received the amount received; zero unless paid
 * @param detail   what the payment system said, for an operator
 */
public record TopUpOutcome(Status status, Money received, String detail) {

    public enum Status { PENDING, PAID, FAILED }

    public TopUpOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(received, "received");
        Objects.requireNonNull(detail, "detail");
        if (received.isNegative() || (status != Status.PAID && !received.isZero())) {
            throw new IllegalArgumentException("only a paid top-up has money received, and never a negative amount");
        }
    }
}
