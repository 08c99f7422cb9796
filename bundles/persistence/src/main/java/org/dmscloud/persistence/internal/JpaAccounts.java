package org.dmscloud.persistence.internal;

import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.persistence.AccountRecord;
import org.dmscloud.persistence.Accounts;
import org.dmscloud.persistence.NewAccount;

final class JpaAccounts implements Accounts {

    private final EntityManager entityManager;

    JpaAccounts(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public AccountRecord create(NewAccount account) {
        AccountEntity entity = new AccountEntity(account);
        entityManager.persist(entity);
        return entity.toRecord();
    }

    @Override
    public Optional<AccountRecord> find(AccountId id) {
        return Optional.ofNullable(entityManager.find(AccountEntity.class, id.toString())).map(AccountEntity::toRecord);
    }

    @Override
    public Optional<AccountRecord> lock(AccountId id) {
        return Optional.ofNullable(entityManager.find(AccountEntity.class, id.toString(), LockModeType.PESSIMISTIC_WRITE))
                .map(AccountEntity::toRecord);
    }
}
