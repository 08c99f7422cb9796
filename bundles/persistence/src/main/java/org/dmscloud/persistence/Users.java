package org.dmscloud.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.TenantId;
import org.osgi.annotation.versioning.ProviderType;

/** Portal users. */
@ProviderType
public interface Users {

    /** @throws DuplicateKeyException if the tenant has a user with this address */
    void create(UserRecord user);

    Optional<UserRecord> find(UUID id);

    /** Finds by lower-cased address. */
    Optional<UserRecord> findByEmail(TenantId tenant, String email);

    /** Finds by lower-cased address, locking the row until the transaction ends. */
    Optional<UserRecord> lockByEmail(TenantId tenant, String email);

    void update(UserRecord user);

    List<UserRecord> listByAccount(AccountId account);
}
