package org.dmscloud.customers.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.dmscloud.api.account.AccountAdministration;
import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.AccountNotFoundException;
import org.dmscloud.api.account.AccountQuery;
import org.dmscloud.api.account.AccountSummary;
import org.dmscloud.persistence.Store;
import org.dmscloud.persistence.Transaction;
import org.dmscloud.persistence.UserRecord;
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

    private final Store store;
    private final Clock clock;

    @Activate
    public AccountDesk(@Reference Store store, @Reference Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public List<AccountSummary> search(AccountQuery query) {
        AccountQuery bounded = new AccountQuery(query.email(), query.tenant(), query.status(), Math.min(query.limit(), MAX_LIMIT));
        return store.inTransaction(tx -> tx.accountDirectory().search(bounded));
    }

    @Override
    public Optional<AccountSummary> find(AccountId account) {
        return store.inTransaction(tx -> tx.accountDirectory().find(account));
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
            tx.accountDirectory().setLock(account, Optional.of(new AccountSummary.Lock(reason.strip(), operator, now)));
            for (UserRecord user : tx.users().listByAccount(account)) {
                tx.sessions().revokeAll(user.id(), now);
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
            tx.accountDirectory().setLock(account, Optional.empty());
            LOG.info("Account {} unlocked by {} (locked by {} at {}: {})", account, operator, current.lock().get().by(),
                    current.lock().get().at(), current.lock().get().reason());
            return existing(tx, account);
        });
    }

    private static AccountSummary existing(Transaction tx, AccountId account) {
        return tx.accountDirectory().find(account).orElseThrow(() -> new AccountNotFoundException(account));
    }
}
