package org.dmscloud.persistence;

import java.time.Instant;
import java.util.Objects;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.money.Money;

/** An account as stored, with its prepaid balance. */
public record AccountRecord(AccountId id, TenantId tenant, String displayName, Money balance, Instant createdAt) {

    public AccountRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
