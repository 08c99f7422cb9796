package org.dmscloud.customers.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.persistence.Transaction;
import org.dmscloud.persistence.jdbc.Jdbc;

/** Portal users. */
public interface Users {

    /** The repository in this transaction. */
    static Users in(Transaction transaction) {
        return new JdbcUsers(Jdbc.of(transaction));
    }

    /** @throws DuplicateKeyException if the tenant has a user with this address */
    void create(UserRecord user);

    Optional<UserRecord> find(UUID id);

    /**
     * The active user of the tenant that the session of this token hash signs in, if the session is neither expired
     * nor revoked at {@code now}: one query, as every signed-in request asks it.
     */
    Optional<UserRecord> findSignedIn(TenantId tenant, String sessionTokenHash, Instant now);

    /** Finds by lower-cased address. */
    Optional<UserRecord> findByEmail(TenantId tenant, String email);

    /** Finds by lower-cased address, locking the row until the transaction ends. */
    Optional<UserRecord> lockByEmail(TenantId tenant, String email);

    void update(UserRecord user);

    List<UserRecord> listByAccount(AccountId account);

    /**
     * The accounts (of the tenant, or of all) with a user whose address contains the fragment (case does not
     * matter), those of the most recent users first, at most {@code max}.
     */
    List<AccountId> accountsWithAddressContaining(Optional<TenantId> tenant, String fragment, int max);

    /** The addresses of the accounts' users, each account's in the order they registered. */
    Map<AccountId, List<String>> addressesOf(Collection<AccountId> accounts);
}
