package org.dmscloud.api.customer;

import java.util.Objects;
import java.util.UUID;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.TenantId;

/** A signed-in person and the account they act for. */
public record Customer(UUID id, TenantId tenant, AccountId account, String email, String name, String company) {

    public Customer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(company, "company");
    }
}
