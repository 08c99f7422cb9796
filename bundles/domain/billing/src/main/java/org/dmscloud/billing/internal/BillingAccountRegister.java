package org.dmscloud.billing.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.AccountRegister;
import org.dmscloud.api.account.AccountStatus;
import org.dmscloud.api.account.AccountSummary;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.billing.internal.store.BillingStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Billing's side of the operators' account directory: accounts with balance, instances and lock. */
@Component(service = AccountRegister.class)
public class BillingAccountRegister implements AccountRegister {

    private final BillingStore store;

    @Activate
    public BillingAccountRegister(@Reference BillingStore store) {
        this.store = store;
    }

    @Override
    public List<AccountOverview> search(Optional<TenantId> tenant, Optional<AccountStatus> status, Optional<Collection<AccountId>> among,
            int limit) {
        return store.inTransaction(tx -> tx.accountRegister().search(tenant, status, among, limit));
    }

    @Override
    public Optional<AccountOverview> find(AccountId account) {
        return store.inTransaction(tx -> tx.accountRegister().find(account));
    }

    @Override
    public boolean setLock(AccountId account, Optional<AccountSummary.Lock> lock) {
        return store.inTransaction(tx -> tx.accountRegister().setLock(account, lock));
    }
}
