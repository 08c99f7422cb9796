package org.dmscloud.billing.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.dmscloud.api.account.Account;
import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.AccountNotFoundException;
import org.dmscloud.api.billing.IdempotencyKeyReusedException;
import org.dmscloud.api.billing.InsufficientFundsException;
import org.dmscloud.api.billing.LedgerEntry;
import org.dmscloud.api.billing.QuoteMismatchException;
import org.dmscloud.api.instance.ActionOptions;
import org.dmscloud.api.instance.Instance;
import org.dmscloud.api.instance.InstanceChange;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.instance.InstanceNotFoundException;
import org.dmscloud.api.instance.InstanceState;
import org.dmscloud.billing.internal.store.BillingStore;
import org.dmscloud.billing.internal.store.BillingTransaction;
import org.dmscloud.billing.internal.store.IdempotentAction;
import org.dmscloud.billing.internal.store.NewLedgerEntry;
import org.dmscloud.billing.internal.store.QuoteRecord;
import org.dmscloud.events.InstanceJournal;
import org.dmscloud.persistence.DuplicateKeyException;
import org.dmscloud.spi.instance.InstanceEvent;

/**
 * How every lifecycle action runs: in one transaction, account locked before instance; the plan checked
 * against the quote it carries and the balance; the instance and the ledger written together; answered
 * from the first run when its idempotency key comes back.
 */
final class InstanceActions {

    private final BillingStore store;
    private final Clock clock;
    private final BillingEventPublisher events;
    private final InstanceJournal journal;

    InstanceActions(BillingStore store, Clock clock, BillingEventPublisher events, InstanceJournal journal) {
        this.store = store;
        this.clock = clock;
        this.events = events;
        this.journal = journal;
    }

    /** One action's work inside its transaction, given the locked account and the instant it happens at. */
    @FunctionalInterface
    interface Step {
        Outcome run(BillingTransaction tx, Account account, Instant now);
    }

    /**
     * The instance after an action, the plan it followed, and what plugins hear of it: nothing when the action
     * changed nothing (enabling an enabled instance).
     */
    record Outcome(Instance instance, Plan plan, String description, Optional<InstanceEvent.Type> event) {
    }

    InstanceChange perform(AccountId accountId, String fingerprint, ActionOptions options, Step step) {
        Function<BillingTransaction, InstanceChange> work = tx -> {
            Optional<IdempotentAction> previous = options.idempotencyKey().flatMap(key -> tx.idempotentActions().find(accountId, key));
            if (previous.isPresent()) {
                return replay(tx, previous.get(), fingerprint);
            }
            Account account = tx.accounts().lock(accountId).orElseThrow(() -> new AccountNotFoundException(accountId));
            Instant now = BillingTime.billingInstant(clock);
            Outcome outcome = step.run(tx, account, now);
            Effect effect = outcome.plan().effect();
            if (!fingerprint.equals(outcome.plan().fingerprint())) {
                throw new IllegalStateException("planned " + outcome.plan().fingerprint() + " for " + fingerprint);
            }
            options.quoteId().ifPresent(quote -> checkQuote(tx, quote, accountId, outcome.plan(), now));
            if (effect.isCharge() && account.balance().isLessThan(effect.cost())) {
                throw new InsufficientFundsException(effect.cost(), account.balance());
            }
            Optional<LedgerEntry> entry = effect.entryType().map(type -> tx.ledger().append(new NewLedgerEntry(accountId, type,
                    effect.amount(), Optional.of(outcome.instance().id()), effect.periodStart(), effect.periodEnd(),
                    effect.rateBasis(), outcome.plan().rate().components(), outcome.description() + " (" + effect.rule() + ")",
                    ledgerKey(accountId, options), now)));
            // In this transaction: plugins hear of the action exactly when it commits.
            outcome.event().ifPresent(type -> journal.record(List.of(LifecycleEvents.ofAction(type, outcome.instance(), account.tenant(), entry, now))));
            options.idempotencyKey().ifPresent(key -> tx.idempotentActions().save(new IdempotentAction(accountId, key,
                    fingerprint, outcome.instance().id(), entry.map(LedgerEntry::id), now)));
            return new InstanceChange(outcome.instance(), entry, false);
        };
        InstanceChange change;
        try {
            change = store.inTransaction(work::apply);
        } catch (DuplicateKeyException e) {
            if (options.idempotencyKey().isEmpty()) {
                throw e;
            }
            // The same key ran concurrently and committed first: answer what it did.
            String key = options.idempotencyKey().get();
            change = store.inTransaction(tx -> replay(tx, tx.idempotentActions().find(accountId, key).orElseThrow(() -> e), fingerprint));
        }
        if (!change.replayed()) {
            events.charged(change.ledgerEntry().stream().toList());
        }
        return change;
    }

    /** The account's instance, locked; deleted instances and other accounts' instances do not exist here. */
    static Instance lockInstance(BillingTransaction tx, Account account, InstanceId id) {
        return tx.instances().lockOfAccount(account.id(), id).filter(instance -> instance.state() != InstanceState.DELETED)
                .orElseThrow(() -> new InstanceNotFoundException(id));
    }


    private static InstanceChange replay(BillingTransaction tx, IdempotentAction previous, String fingerprint) {
        if (!previous.fingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyReusedException(previous.idempotencyKey());
        }
        Instance instance = tx.instances().find(previous.instance()).orElseThrow();
        Optional<LedgerEntry> entry = previous.ledgerEntryId().flatMap(tx.ledger()::find);
        return new InstanceChange(instance, entry, true);
    }

    private static void checkQuote(BillingTransaction tx, UUID quoteId, AccountId account, Plan plan, Instant now) {
        QuoteRecord quote = tx.quotes().findOfAccount(account, quoteId)
                .orElseThrow(() -> new QuoteMismatchException("There is no quote " + quoteId + " for this account."));
        if (!now.isBefore(quote.expiresAt())) {
            throw new QuoteMismatchException("Quote " + quoteId + " expired at " + quote.expiresAt() + ". Ask for a new quote.");
        }
        if (!quote.fingerprint().equals(plan.fingerprint())) {
            throw new QuoteMismatchException("Quote " + quoteId + " was made for a different action.");
        }
        if (!quote.amount().equals(plan.effect().amount())) {
            throw new QuoteMismatchException("The amount changed since quote " + quoteId + ": it was " + quote.amount()
                    + ", it is now " + plan.effect().amount() + ". Ask for a new quote.");
        }
    }

    private static String ledgerKey(AccountId account, ActionOptions options) {
        return "action/" + options.idempotencyKey().map(key -> account + "/" + key).orElseGet(() -> UUID.randomUUID().toString());
    }
}
