package org.dmscloud.customers.internal;

/** Where a user is: waiting for the address to be verified, or active. An operator locks the whole account (AccountDirectory). */
public enum UserStatus {
    UNVERIFIED, ACTIVE
}
