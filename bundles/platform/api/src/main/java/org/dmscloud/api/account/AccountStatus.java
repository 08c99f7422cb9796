package org.dmscloud.api.account;

/** Whether an account's users may use the portal. */
public enum AccountStatus {
    ACTIVE,
    /** Locked by an operator: its users cannot sign in; its instances and billing go on. */
    LOCKED
}
