package org.dmscloud.billing.internal.store;

import java.util.Optional;

import org.dmscloud.api.account.Account;
import org.dmscloud.api.account.AccountId;

/** Customer accounts. Balances change only through {@link Ledger} entries, never here. */
public interface Accounts {

    /** Stores a new account with a zero balance. */
    Account create(NewAccount account);

    Optional<Account> find(AccountId id);

    /**
     * Finds the account and locks its row until the transaction ends, so that changes to its balance (a
     * top-up, a charge by the daily run) happen one after the other. Lock order, to rule out deadlocks:
     * an account before its instances.
     */
    Optional<Account> lock(AccountId id);
}
