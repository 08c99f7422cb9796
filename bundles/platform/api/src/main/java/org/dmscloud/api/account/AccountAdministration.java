package org.dmscloud.api.account;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Accounts as operators manage them: finding them, and locking one out of the portal. */
@ProviderType
public interface AccountAdministration {

    List<AccountSummary> search(AccountQuery query);

    Optional<AccountSummary> find(AccountId account);

    /**
     * Locks the account: its users are signed out everywhere and cannot sign in until it is unlocked.
     * Its instances keep running and are billed as before; disable them separately if need be. Locking
     * a locked account changes nothing.
     *
     * @throws AccountNotFoundException if there is no such account
     * @throws IllegalArgumentException if the reason is blank
     */
    AccountSummary lock(AccountId account, String reason, String operator);

    /** Lifts the lock; unlocking an active account changes nothing. */
    AccountSummary unlock(AccountId account, String operator);
}
