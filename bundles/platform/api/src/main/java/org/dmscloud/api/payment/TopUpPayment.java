package org.dmscloud.api.payment;

import java.time.Instant;
import java.util.Objects;

import org.dmscloud.api.money.Money;

/**
 * One payment received for a top-up and credited to the balance.
 *
 * @param paymentKey    what identifies the payment at its source (a Checkout Session, a bank transaction)
 * @param recordedBy    who recorded it: a provider's webhook, the reconciliation, an operator's name
 * @param ledgerEntryId the ledger entry that credited it
 */
public record TopUpPayment(long id, TopUpId topUp, String paymentKey, Money amount, String recordedBy, String detail,
        long ledgerEntryId, Instant receivedAt) {

    public TopUpPayment {
        Objects.requireNonNull(topUp, "topUp");
        Objects.requireNonNull(paymentKey, "paymentKey");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
