package org.dmscloud.billing.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

import org.dmscloud.api.account.Account;
import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.AccountNotFoundException;
import org.dmscloud.api.billing.BillableAction;
import org.dmscloud.api.billing.Quote;
import org.dmscloud.api.billing.QuoteService;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.catalog.Pricing;
import org.dmscloud.api.instance.Instance;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.instance.InstanceNotFoundException;
import org.dmscloud.api.instance.InstanceState;
import org.dmscloud.billing.internal.store.BillingStore;
import org.dmscloud.billing.internal.store.QuoteRecord;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Quotes (R11): the same plans the actions follow, kept for a while so that an action can carry them. */
@Component(service = QuoteService.class)
public class BillingQuoteService implements QuoteService {

    /** How long an action may carry a quote. The amount is checked again when it does. */
    static final Duration VALIDITY = Duration.ofMinutes(15);

    private final BillingStore store;
    private final ActionPlanner planner;
    private final Clock clock;

    @Activate
    public BillingQuoteService(@Reference BillingStore store, @Reference Pricing pricing, @Reference Clock clock) {
        this.store = store;
        this.planner = new ActionPlanner(pricing);
        this.clock = clock;
    }

    @Override
    public Quote quoteCreate(AccountId account, InstanceConfiguration configuration, boolean enabled) {
        return quote(account, Optional.empty(), BillableAction.CREATE,
                (owner, now) -> planner.create(owner, configuration, enabled, now));
    }

    @Override
    public Quote quoteEnable(AccountId account, InstanceId instance) {
        return quote(account, Optional.of(instance), BillableAction.ENABLE, (owner, now) -> planner.enable(owner, find(owner, instance),
                store.inTransaction(tx -> tx.ownItems().of(instance)), now));
    }

    @Override
    public Quote quoteChangeSettings(AccountId account, InstanceId instance, InstanceConfiguration configuration) {
        return quote(account, Optional.of(instance), BillableAction.CHANGE_SETTINGS,
                (owner, now) -> planner.changeSettings(owner, find(owner, instance), configuration, now));
    }

    @Override
    public Quote quoteDelete(AccountId account, InstanceId instance) {
        return quote(account, Optional.of(instance), BillableAction.DELETE, (owner, now) -> planner.delete(find(owner, instance), now));
    }

    private Quote quote(AccountId accountId, Optional<InstanceId> instance, BillableAction action, BiFunction<Account, Instant, Plan> planning) {
        return store.inTransaction(tx -> {
            Account account = tx.accounts().find(accountId).orElseThrow(() -> new AccountNotFoundException(accountId));
            Instant now = BillingTime.billingInstant(clock);
            Plan plan = planning.apply(account, now);
            Effect effect = plan.effect();
            Quote quote = new Quote(UUID.randomUUID(), action, accountId, instance, effect.amount(), plan.rate(), plan.paidBefore(),
                    effect.periodStart(), effect.periodEnd(), effect.rule(), now, now.plus(VALIDITY));
            tx.quotes().save(new QuoteRecord(quote.id(), accountId, action, plan.fingerprint(), quote.amount(), now, quote.expiresAt()));
            return quote;
        });
    }

    private Instance find(Account owner, InstanceId id) {
        return store.inTransaction(tx -> tx.instances().findOfAccount(owner.id(), id)).filter(instance -> instance.state() != InstanceState.DELETED)
                .orElseThrow(() -> new InstanceNotFoundException(id));
    }
}
