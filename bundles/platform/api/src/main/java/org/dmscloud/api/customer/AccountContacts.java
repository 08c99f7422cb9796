package org.dmscloud.api.customer;

import java.util.List;

import org.dmscloud.api.account.AccountId;
import org.osgi.annotation.versioning.ProviderType;

/** Where an account's mail goes: the customers bundle knows the account's people, the mail bundle asks it. */
@ProviderType
public interface AccountContacts {

    /** The verified addresses of the account's users, in the order they registered; empty if it has none. */
    List<String> addresses(AccountId account);
}
