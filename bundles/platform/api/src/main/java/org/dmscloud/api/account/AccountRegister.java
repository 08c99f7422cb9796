package org.dmscloud.api.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The accounts billing keeps, for the operators' directory: each with its balance, its instances and the
 * operator's lock. Who the account's people are is the customers bundle's, which builds the directory
 * ({@link AccountAdministration}) from this and its users. Calls join the caller's transaction, if one runs.
 */
@ProviderType
public interface AccountRegister {

    /**
     * The accounts of the tenant (or of all), in the status (or any), among the given ones (or all), newest
     * first, at most {@code limit}.
     */
    List<AccountOverview> search(Optional<TenantId> tenant, Optional<AccountStatus> status, Optional<Collection<AccountId>> among, int limit);

    Optional<AccountOverview> find(AccountId account);

    /** Locks the account, or (empty) lifts its lock; answers whether the account exists. */
    boolean setLock(AccountId account, Optional<AccountSummary.Lock> lock);

    /** An account with what operators see of it besides its people. */
    record AccountOverview(Account account, long instances, Optional<AccountSummary.Lock> lock) {
        public AccountOverview {
            java.util.Objects.requireNonNull(account, "account");
            java.util.Objects.requireNonNull(lock, "lock");
        }
    }
}
