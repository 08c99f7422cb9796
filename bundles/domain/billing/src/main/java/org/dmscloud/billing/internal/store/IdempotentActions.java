package org.dmscloud.billing.internal.store;

import java.util.Optional;

import org.dmscloud.api.account.AccountId;

/** Client idempotency keys, one record per account and key. */
public interface IdempotentActions {

    Optional<IdempotentAction> find(AccountId account, String idempotencyKey);

    /** @throws DuplicateKeyException if the account already used this key */
    void save(IdempotentAction action);
}
