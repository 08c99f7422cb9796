package org.dmscloud.billing.internal.store;

import java.util.Currency;
import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.TypedQuery;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.instance.Instance;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.instance.InstanceQuery;

final class JpaInstances implements Instances {

    private final EntityManager entityManager;

    JpaInstances(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public Instance create(Instance instance) {
        InstanceEntity entity = new InstanceEntity(instance);
        entityManager.persist(entity);
        entityManager.flush();
        return entity.toRecord(instance.paidRate().currency());
    }

    @Override
    public Optional<Instance> find(InstanceId id) {
        // With its account's currency in the same query (the ACS reads an instance in each device session).
        return entityManager.createNamedQuery(InstanceEntity.BY_ID, Object[].class).setParameter("id", id.toString()).getResultList().stream()
                .findFirst().map(JpaInstances::withCurrency);
    }

    @Override
    public Optional<Instance> lock(InstanceId id) {
        return Optional.ofNullable(entityManager.find(InstanceEntity.class, id.toString(), LockModeType.PESSIMISTIC_WRITE))
                .map(this::toRecord);
    }

    @Override
    public Optional<Instance> findOfAccount(AccountId account, InstanceId id) {
        return ofAccount(account, id, LockModeType.NONE);
    }

    @Override
    public Optional<Instance> lockOfAccount(AccountId account, InstanceId id) {
        return ofAccount(account, id, LockModeType.PESSIMISTIC_WRITE);
    }

    private Optional<Instance> ofAccount(AccountId account, InstanceId id, LockModeType lock) {
        return entityManager.createQuery("SELECT i FROM InstanceEntity i WHERE i.id = :id AND i.accountId = :account", InstanceEntity.class)
                .setParameter("id", id.toString()).setParameter("account", account.toString()).setLockMode(lock).getResultList().stream()
                .findFirst().map(this::toRecord);
    }

    @Override
    public Instance update(Instance instance) {
        InstanceEntity entity = entityManager.find(InstanceEntity.class, instance.id().toString());
        if (entity == null) {
            throw new IllegalArgumentException("no instance " + instance.id());
        }
        entity.apply(instance);
        // Written now, not at commit, so that plain JDBC later in this transaction sees it.
        entityManager.flush();
        return entity.toRecord(instance.paidRate().currency());
    }

    @Override
    public List<Instance> listByAccount(AccountId account) {
        // The account's currency comes with each row: one query, not a second for the account.
        return entityManager.createNamedQuery(InstanceEntity.BY_ACCOUNT, Object[].class)
                .setParameter("account", account.toString()).getResultList().stream()
                .map(JpaInstances::withCurrency).toList();
    }

    @Override
    public List<Instance> search(InstanceQuery query) {
        StringBuilder jpql = new StringBuilder("SELECT i FROM InstanceEntity i WHERE ");
        jpql.append(query.state().isPresent() ? "i.state = :state" : "i.state <> 'DELETED'");
        query.tenant().ifPresent(tenant -> jpql.append(" AND i.accountId IN (SELECT a.id FROM AccountEntity a WHERE a.tenantId = :tenant)"));
        query.account().ifPresent(account -> jpql.append(" AND i.accountId = :account"));
        query.packageId().ifPresent(packageId -> jpql.append(" AND i.packageId = :packageId"));
        jpql.append(" ORDER BY i.createdAt DESC, i.id");
        TypedQuery<InstanceEntity> select = entityManager.createQuery(jpql.toString(), InstanceEntity.class).setMaxResults(query.limit());
        query.state().ifPresent(state -> select.setParameter("state", state.name()));
        query.tenant().ifPresent(tenant -> select.setParameter("tenant", tenant.value()));
        query.account().ifPresent(account -> select.setParameter("account", account.toString()));
        query.packageId().ifPresent(packageId -> select.setParameter("packageId", packageId));
        return select.getResultList().stream().map(this::toRecord).toList();
    }

    /** A row of an instance and its account's currency. */
    private static Instance withCurrency(Object[] row) {
        return ((InstanceEntity) row[0]).toRecord(Currency.getInstance((String) row[1]));
    }

    private Instance toRecord(InstanceEntity entity) {
        return entity.toRecord(currencyOf(entity.accountId()));
    }

    private Currency currencyOf(String accountId) {
        AccountEntity account = entityManager.find(AccountEntity.class, accountId);
        if (account == null) {
            throw new IllegalStateException("instance of a missing account " + accountId);
        }
        return account.currency();
    }
}
