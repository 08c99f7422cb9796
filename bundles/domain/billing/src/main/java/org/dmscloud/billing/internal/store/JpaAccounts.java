package org.dmscloud.billing.internal.store;

import java.util.Map;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.dmscloud.api.account.Account;
import org.dmscloud.api.account.AccountId;

final class JpaAccounts implements Accounts {

    /**
     * Balances change in SQL (ledger entries): always read the row, never an entity read earlier in the
     * transaction. EclipseLink's query hint, by name, to keep this bundle on the JPA API alone.
     */
    private static final Map<String, Object> FRESH = Map.of("eclipselink.refresh", "true");

    private final EntityManager entityManager;

    JpaAccounts(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public Account create(NewAccount account) {
        AccountEntity entity = new AccountEntity(account);
        entityManager.persist(entity);
        entityManager.flush();
        return entity.toRecord();
    }

    @Override
    public Optional<Account> find(AccountId id) {
        return Optional.ofNullable(entityManager.find(AccountEntity.class, id.toString(), FRESH)).map(AccountEntity::toRecord);
    }

    @Override
    public Optional<Account> lock(AccountId id) {
        return Optional.ofNullable(entityManager.find(AccountEntity.class, id.toString(), LockModeType.PESSIMISTIC_WRITE, FRESH))
                .map(AccountEntity::toRecord);
    }
}
