package org.dmscloud.api.payment;

import java.util.Objects;

import org.dmscloud.api.money.Money;

/**
 * Money that arrived for a top-up, as its provider saw it.
 *
 * @param paymentKey unique for the payment at its source: a Checkout Session id, a bank transaction id.
 *                   Recording the same key again credits nothing.
 * @param recordedBy who saw it: "stripe webhook", "reconciliation", an operator's name
 * @param detail     for people, e.g. "bank transaction 2026-11-30/17"
 */
public record ReceivedPayment(String paymentKey, Money amount, String recordedBy, String detail) {

    public ReceivedPayment {
        Objects.requireNonNull(paymentKey, "paymentKey");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(detail, "detail");
        if (paymentKey.isBlank() || recordedBy.isBlank()) {
            throw new IllegalArgumentException("a payment needs its key and who recorded it");
        }
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a payment received must be a positive amount, was " + amount);
        }
    }
}
