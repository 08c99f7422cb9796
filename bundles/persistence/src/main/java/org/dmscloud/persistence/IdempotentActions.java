package org.dmscloud.persistence;

import java.util.Optional;

import org.dmscloud.api.account.AccountId;
import org.osgi.annotation.versioning.ProviderType;

/** Client idempotency keys, one record per account and key. */
@ProviderType
public interface IdempotentActions {

    Optional<IdempotentAction> find(AccountId account, String idempotencyKey);

    /** @throws DuplicateKeyException if the account already used this key */
    void save(IdempotentAction action);
}
