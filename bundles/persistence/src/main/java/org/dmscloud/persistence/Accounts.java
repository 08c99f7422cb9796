package org.dmscloud.persistence;

import java.util.Optional;

import org.dmscloud.api.account.AccountId;
import org.osgi.annotation.versioning.ProviderType;

/** Customer accounts. Balances change only through ledger entries, never here. */
@ProviderType
public interface Accounts {

    /** Stores a new account with a zero balance. */
    AccountRecord create(NewAccount account);

    Optional<AccountRecord> find(AccountId id);

    /**
     * Finds the account and locks its row until the transaction ends, so that concurrent changes to
     * its balance (a top-up, a charge by the daily run) happen one after the other.
     */
    Optional<AccountRecord> lock(AccountId id);
}
