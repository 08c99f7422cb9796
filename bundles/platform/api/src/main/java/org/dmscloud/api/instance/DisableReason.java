package org.dmscloud.api.instance;

/** Why an instance is disabled. */
public enum DisableReason {
    /** The customer disabled it, or created it disabled. */
    CUSTOMER,
    /** The daily run could not charge it: the balance was less than its daily rate. */
    INSUFFICIENT_FUNDS,
    /** An operator disabled it. */
    OPERATOR
}
