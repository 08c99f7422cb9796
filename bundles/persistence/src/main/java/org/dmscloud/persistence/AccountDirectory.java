package org.dmscloud.persistence;

import java.util.List;
import java.util.Optional;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.AccountQuery;
import org.dmscloud.api.account.AccountSummary;
import org.osgi.annotation.versioning.ProviderType;

/** Accounts with their users, instance count and lock, for operators. */
@ProviderType
public interface AccountDirectory {

    /** The accounts matching the query, newest first. */
    List<AccountSummary> search(AccountQuery query);

    Optional<AccountSummary> find(AccountId account);

    /** The operator's lock on the account, if any. */
    Optional<AccountSummary.Lock> lockOf(AccountId account);

    /** Locks the account, or (empty) lifts its lock; answers whether the account exists. */
    boolean setLock(AccountId account, Optional<AccountSummary.Lock> lock);
}
