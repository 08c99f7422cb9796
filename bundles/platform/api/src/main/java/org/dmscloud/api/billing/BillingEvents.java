package org.dmscloud.api.billing;

/**
 * Topics and properties of the EventAdmin events billing posts after each committed change that a
 * customer must hear about, for mail and webhooks to subscribe to.
 */
public final class BillingEvents {

    /** A charge was made (any negative ledger entry). */
    public static final String TOPIC_CHARGED = "org/dmscloud/billing/CHARGED";

    /** The daily run disabled an instance because the balance was less than its daily rate. */
    public static final String TOPIC_INSTANCE_DISABLED = "org/dmscloud/billing/INSTANCE_DISABLED";

    /** Event property: the account id, as text. */
    public static final String ACCOUNT = "account.id";
    /** Event property: the instance id, as text. */
    public static final String INSTANCE = "instance.id";
    /** Event property: the ledger entry id (Long), for a charge. */
    public static final String LEDGER_ENTRY = "ledger.entry.id";
    /** Event property: the amount in minor units (Long): charged, or needed for a disabled instance. */
    public static final String AMOUNT_MINOR = "amount.minor";
    /** Event property: the ISO 4217 currency code. */
    public static final String CURRENCY = "currency";
    /** Event property: the balance in minor units (Long) after the change, or when the instance was disabled. */
    public static final String BALANCE_MINOR = "balance.minor";

    private BillingEvents() {
    }
}
