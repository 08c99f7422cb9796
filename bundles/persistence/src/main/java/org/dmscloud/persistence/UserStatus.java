package org.dmscloud.persistence;

/** Where a user is: waiting for the address to be verified, active, or locked by an operator. */
public enum UserStatus {
    UNVERIFIED, ACTIVE, LOCKED
}
