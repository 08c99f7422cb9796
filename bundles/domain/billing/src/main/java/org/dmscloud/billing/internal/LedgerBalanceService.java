package org.dmscloud.billing.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import org.dmscloud.api.account.Account;
import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.AccountNotFoundException;
import org.dmscloud.api.account.AccountService;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.billing.BalanceService;
import org.dmscloud.api.billing.IdempotencyKeyReusedException;
import org.dmscloud.api.billing.InsufficientFundsException;
import org.dmscloud.api.billing.LedgerAudit;
import org.dmscloud.api.billing.LedgerEntry;
import org.dmscloud.api.billing.LedgerEntryType;
import org.dmscloud.api.mail.CustomerMail;
import org.dmscloud.api.money.CurrencyMismatchException;
import org.dmscloud.api.money.Money;
import org.dmscloud.billing.internal.store.BillingStore;
import org.dmscloud.billing.internal.store.NewAccount;
import org.dmscloud.billing.internal.store.NewLedgerEntry;
import org.dmscloud.persistence.DuplicateKeyException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** Accounts, and money in and out of their balances other than by instances. */
@Component(service = { AccountService.class, BalanceService.class })
public class LedgerBalanceService implements AccountService, BalanceService {

    private static final int MAX_PAGE = 500;

    private final BillingStore store;
    private final Clock clock;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile CustomerMail customerMail;

    @Activate
    public LedgerBalanceService(@Reference BillingStore store, @Reference Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Wired by hand, as the tests of the bundles that credit balances do. */
    public LedgerBalanceService(BillingStore store, Clock clock, CustomerMail customerMail) {
        this(store, clock);
        this.customerMail = customerMail;
    }

    @Override
    public Account open(TenantId tenant, String displayName, Currency currency) {
        Money.zero(currency); // refuses a currency without minor units before anything is stored
        return store.inTransaction(tx -> tx.accounts().create(new NewAccount(AccountId.random(), tenant, displayName, currency, clock.instant())));
    }

    @Override
    public Optional<Account> find(AccountId account) {
        return store.read(tx -> tx.accounts().find(account));
    }

    @Override
    public LedgerEntry topUp(AccountId account, Money amount, String idempotencyKey, String description) {
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a top-up must be a positive amount, was " + amount);
        }
        return credit(account, LedgerEntryType.TOP_UP, amount, "top-up/" + idempotencyKey, description, true);
    }

    @Override
    public LedgerEntry adjust(AccountId account, Money amount, String reason, String operator, String idempotencyKey) {
        if (amount.isZero() || reason.isBlank() || operator.isBlank()) {
            throw new IllegalArgumentException("an adjustment needs a non-zero amount, a reason and the operator's name");
        }
        return credit(account, LedgerEntryType.ADMIN_ADJUSTMENT, amount, "adjustment/" + idempotencyKey, reason + " (by " + operator + ")",
                false);
    }

    @Override
    public List<LedgerEntry> ledger(AccountId account, long beforeId, int limit) {
        return store.read(tx -> tx.ledger().page(account, beforeId, Math.max(1, Math.min(limit, MAX_PAGE))));
    }

    /** Appends one entry under its key, once: the same key again answers the first entry. */
    private LedgerEntry credit(AccountId accountId, LedgerEntryType type, Money amount, String key, String description, boolean tellCustomer) {
        try {
            return store.inTransaction(tx -> {
                Optional<LedgerEntry> previous = tx.ledger().findByIdempotencyKey(key);
                if (previous.isPresent()) {
                    return same(previous.get(), accountId, amount, key);
                }
                Account account = tx.accounts().lock(accountId).orElseThrow(() -> new AccountNotFoundException(accountId));
                if (!account.balance().currency().equals(amount.currency())) {
                    throw new CurrencyMismatchException(account.balance().currency(), amount.currency());
                }
                if (amount.isNegative() && account.balance().isLessThan(amount.negate())) {
                    throw new InsufficientFundsException(amount.negate(), account.balance());
                }
                Instant now = clock.instant();
                LedgerEntry entry = tx.ledger().append(new NewLedgerEntry(accountId, type, amount, Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), List.of(), description, key, now));
                CustomerMail mail = customerMail;
                if (tellCustomer && mail != null) {
                    mail.topUpCredited(account.tenant(), accountId, amount, entry.balanceAfter());
                }
                return entry;
            });
        } catch (DuplicateKeyException e) {
            // The same key committed concurrently: answer its entry.
            return store.inTransaction(tx -> same(tx.ledger().findByIdempotencyKey(key).orElseThrow(() -> e), accountId, amount, key));
        }
    }

    private static LedgerEntry same(LedgerEntry previous, AccountId account, Money amount, String key) {
        if (!previous.account().equals(account) || !previous.amount().equals(amount)) {
            throw new IdempotencyKeyReusedException(key);
        }
        return previous;
    }

    @Override
    public LedgerAudit audit(int maxMismatches) {
        Instant at = clock.instant();
        return store.inTransaction(tx -> new LedgerAudit(tx.ledger().countAccounts(),
                tx.ledger().mismatches(Math.max(1, Math.min(maxMismatches, 10_000))), at));
    }
}
