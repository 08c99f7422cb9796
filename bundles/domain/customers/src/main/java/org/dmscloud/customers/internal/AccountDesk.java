package org.dmscloud.customers.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dmscloud.api.account.AccountAdministration;
import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.AccountNotFoundException;
import org.dmscloud.api.account.AccountQuery;
import org.dmscloud.api.account.AccountRegister;
import org.dmscloud.api.account.AccountSummary;
import org.dmscloud.persistence.Schema;
import org.dmscloud.persistence.Store;
import org.dmscloud.persistence.Transaction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accounts for operators. A lock is kept on the account (so that users who verify or register later are
 * covered too) and signs every user of the account out in the same transaction; sign-in checks it.
 */
@Component(service = AccountAdministration.class)
public class AccountDesk implements AccountAdministration {

    private static final Logger LOG = LoggerFactory.getLogger(AccountDesk.class);
    private static final int MAX_LIMIT = 1000;
    /**
     * How many accounts an address fragment may pick before the other criteria: an operator searching for
     * "example.com" sees the accounts of the most recent matching users.
     */
    private static final int MAX_ADDRESS_MATCHES = 1000;

    private final Store store;
    private final AccountRegister register;
    private final Clock clock;

    /** Started only once this bundle's tables are there (its {@code DMS-Changelog} applied). */
    @Reference(target = CustomerTables.SCHEMA_FILTER)
    Schema tables;

    @Activate
    public AccountDesk(@Reference Store store, @Reference AccountRegister register, @Reference Clock clock) {
        this.store = store;
        this.register = register;
        this.clock = clock;
    }

    @Override
    public List<AccountSummary> search(AccountQuery query) {
        int limit = Math.min(query.limit(), MAX_LIMIT);
        Optional<String> fragment = query.email().map(String::strip).filter(email -> !email.isEmpty());
        return store.inTransaction(tx -> {
            Optional<Collection<AccountId>> among = fragment.map(email -> Users.in(tx).accountsWithAddressContaining(query.tenant(), email,
                    MAX_ADDRESS_MATCHES));
            return withUsers(tx, register.search(query.tenant(), query.status(), among, limit));
        });
    }

    @Override
    public Optional<AccountSummary> find(AccountId account) {
        return store.inTransaction(tx -> register.find(account).map(found -> withUsers(tx, List.of(found)).get(0)));
    }

    @Override
    public AccountSummary lock(AccountId account, String reason, String operator) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Say why the account is locked: the reason is kept with the lock.");
        }
        return store.inTransaction(tx -> {
            AccountSummary current = existing(tx, account);
            if (current.lock().isPresent()) {
                return current;
            }
            Instant now = clock.instant();
            register.setLock(account, Optional.of(new AccountSummary.Lock(reason.strip(), operator, now)));
            for (UserRecord user : Users.in(tx).listByAccount(account)) {
                Sessions.in(tx).revokeAll(user.id(), now);
            }
            LOG.info("Account {} locked by {}: {}", account, operator, reason.strip());
            return existing(tx, account);
        });
    }

    @Override
    public AccountSummary unlock(AccountId account, String operator) {
        return store.inTransaction(tx -> {
            AccountSummary current = existing(tx, account);
            if (current.lock().isEmpty()) {
                return current;
            }
            register.setLock(account, Optional.empty());
            LOG.info("Account {} unlocked by {} (locked by {} at {}: {})", account, operator, current.lock().get().by(),
                    current.lock().get().at(), current.lock().get().reason());
            return existing(tx, account);
        });
    }

    private AccountSummary existing(Transaction tx, AccountId account) {
        return register.find(account).map(found -> withUsers(tx, List.of(found)).get(0))
                .orElseThrow(() -> new AccountNotFoundException(account));
    }

    /** The accounts with their users' addresses, read in one query. */
    private static List<AccountSummary> withUsers(Transaction tx, List<AccountRegister.AccountOverview> accounts) {
        Map<AccountId, List<String>> addresses = Users.in(tx).addressesOf(accounts.stream().map(found -> found.account().id()).toList());
        return accounts.stream().map(found -> new AccountSummary(found.account(), addresses.get(found.account().id()), found.instances(),
                found.lock())).toList();
    }
}
