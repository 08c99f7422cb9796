package org.dmscloud.api.payment;

/** Where a top-up stands. Money received is credited whatever the status, so none is ever lost. */
public enum TopUpStatus {
    /** Recorded; the payment provider has not yet confirmed that it started. */
    STARTING,
    /** Waiting for the customer's payment. */
    PENDING,
    /** Some money arrived, less than the amount asked for. */
    PARTIALLY_PAID,
    /** The amount (or more) arrived and is on the balance. */
    PAID,
    /** The payment failed or expired at the provider. */
    FAILED,
    /** Stopped by the customer or an operator before it was paid. */
    CANCELLED;

    /** Whether money may still be expected. */
    public boolean isOpen() {
        return this == STARTING || this == PENDING || this == PARTIALLY_PAID;
    }
}
