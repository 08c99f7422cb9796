package org.dmscloud.api.account;

import java.util.Currency;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Customer accounts and their balances. */
@ProviderType
public interface AccountService {

    /** Opens an account with a zero balance in {@code currency}. */
    Account open(TenantId tenant, String displayName, Currency currency);

    Optional<Account> find(AccountId account);
}
