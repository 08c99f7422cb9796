package org.dmscloud.billing.internal.store;

import java.util.List;
import java.util.Optional;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.instance.Instance;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.instance.InstanceQuery;

/** Instances, deleted ones included (ledger entries keep naming them). */
public interface Instances {

    Instance create(Instance instance);

    Optional<Instance> find(InstanceId id);

    /** Finds the instance and locks its row until the transaction ends; lock its account first. */
    Optional<Instance> lock(InstanceId id);

    /** The account's instance with this id; another account's is not found, as if it did not exist. */
    Optional<Instance> findOfAccount(AccountId account, InstanceId id);

    /** The account's instance with this id, its row locked until the transaction ends; lock the account first. */
    Optional<Instance> lockOfAccount(AccountId account, InstanceId id);

    /** Stores the instance's new state, configuration and coverage; it must be locked. */
    Instance update(Instance instance);

    /** The account's instances that are not deleted, oldest first. */
    List<Instance> listByAccount(AccountId account);

    /** Every account's instances matching the query, newest first. */
    List<Instance> search(InstanceQuery query);
}
