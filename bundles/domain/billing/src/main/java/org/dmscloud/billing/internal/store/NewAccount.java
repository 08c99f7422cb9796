package org.dmscloud.billing.internal.store;

import java.time.Instant;
import java.util.Currency;
import java.util.Objects;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.TenantId;

/** What is needed to open an account. */
public record NewAccount(AccountId id, TenantId tenant, String displayName, Currency currency, Instant createdAt) {

    public NewAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
