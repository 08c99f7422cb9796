package org.dmscloud.api.account;

import java.time.Instant;
import java.util.Objects;

import org.dmscloud.api.money.Money;

/** A customer account with its prepaid balance, in the account's currency, never negative. */
public record Account(AccountId id, TenantId tenant, String displayName, Money balance, Instant createdAt) {

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(createdAt, "createdAt");
        if (balance.isNegative()) {
            throw new IllegalArgumentException("a balance is never negative, was " + balance);
        }
    }
}
