package org.dmscloud.persistence;

/** Where a user is: waiting for the address to be verified, or active. An operator locks the whole account (AccountDirectory). */
public enum UserStatus {
    UNVERIFIED, ACTIVE
}
