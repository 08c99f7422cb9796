package org.dmscloud.customers.internal;

import java.util.List;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.customer.AccountContacts;
import org.dmscloud.persistence.Schema;
import org.dmscloud.persistence.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** An account's mail goes to its users whose address is verified. Joins the caller's transaction, if one runs. */
@Component(service = AccountContacts.class)
public class CustomerContacts implements AccountContacts {

    private final Store store;

    /** Started only once this bundle's tables are there (its {@code DMS-Changelog} applied). */
    @Reference(target = CustomerTables.SCHEMA_FILTER)
    Schema tables;

    @Activate
    public CustomerContacts(@Reference Store store) {
        this.store = store;
    }

    @Override
    public List<String> addresses(AccountId account) {
        return store.inTransaction(tx -> Users.in(tx).listByAccount(account).stream().filter(user -> user.status() == UserStatus.ACTIVE)
                .map(UserRecord::email).toList());
    }
}
