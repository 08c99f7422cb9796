package org.dmscloud.api.instance;

import java.util.Objects;
import java.util.Optional;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.account.AccountId;

/**
 * Which instances an operator is looking for; every criterion given must match.
 *
 * @param state   only in this state; without it, every state but deleted
 * @param tenant  only instances of this tenant's customers
 * @param limit   at most this many, newest first
 */
public record InstanceQuery(Optional<InstanceState> state, Optional<TenantId> tenant, Optional<AccountId> account, Optional<String> packageId,
        int limit) {

    public InstanceQuery {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(packageId, "packageId");
        if (limit < 1) {
            throw new IllegalArgumentException("a limit is at least 1, was " + limit);
        }
    }
}
