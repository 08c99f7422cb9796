package org.dmscloud.billing.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.billing.BillingRun;
import org.dmscloud.api.billing.DailyRunService;
import org.dmscloud.api.billing.LedgerEntry;
import org.dmscloud.api.billing.LedgerEntryType;
import org.dmscloud.api.billing.RunPreview;
import org.dmscloud.api.catalog.DailyRate;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.catalog.ItemNotOnSaleException;
import org.dmscloud.api.catalog.Pricing;
import org.dmscloud.api.health.UnavailableException;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.mail.CustomerMail;
import org.dmscloud.api.mail.OperatorMail;
import org.dmscloud.api.money.Money;
import org.dmscloud.billing.internal.store.BillingRuns.RunProgress;
import org.dmscloud.billing.internal.store.BillingStore;
import org.dmscloud.billing.internal.store.BillingTransaction;
import org.dmscloud.billing.internal.store.DailyBilling.AccountToBill;
import org.dmscloud.billing.internal.store.DailyBilling.ConcurrentChangeException;
import org.dmscloud.billing.internal.store.DailyBilling.DailyCharge;
import org.dmscloud.billing.internal.store.DailyBilling.DueInstance;
import org.dmscloud.billing.internal.store.DailyBilling.RunCursor;
import org.dmscloud.billing.internal.store.DailyBilling.Shard;
import org.dmscloud.billing.internal.store.NewLedgerEntry;
import org.dmscloud.events.InstanceJournal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily run (R1, R2) for one day: walks the enabled instances not yet paid to the day's end, oldest
 * first, in batches of one transaction each, and charges each its daily rate (or, when an item of its
 * configuration is withdrawn, the rate it last paid: R12) or, with too little balance, disables it. Several workers walk at once, each the instances of its own share of the accounts, so
 * that each account's instances are still billed one by one, oldest first.
 * <p>
 * Exactly once per instance and day, whatever reruns, crashes or other nodes do: a batch is decided from
 * what it read and written only if every instance is still at the version and every account at the
 * balance it read (the writes lock the rows and check); otherwise it is billed again holding the row locks
 * (accounts first, in id order) and re-reading what is still due. And a daily charge's ledger key is
 * unique per instance and day. A batch that still fails is billed one instance per transaction, so one
 * bad instance is reported and the others are billed.
 */
@Component(service = DailyRunService.class, configurationPid = DailyRunConfiguration.PID)
@Designate(ocd = DailyRunConfiguration.class)
public class DailyRun implements DailyRunService {

    private static final Logger LOG = LoggerFactory.getLogger(DailyRun.class);

    private final BillingStore store;
    private final Pricing pricing;
    private final Clock clock;
    private final BillingEventPublisher events;
    private final InstanceJournal journal;
    private final String node;
    private final int batchSize;
    private final int workers;
    private final Duration retryAfter;
    private final Duration abandonedAfter;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile EventAdmin eventAdmin;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile CustomerMail customerMail;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile OperatorMail operatorMail;

    @Activate
    public DailyRun(@Reference BillingStore store, @Reference Pricing pricing, @Reference Clock clock, @Reference InstanceJournal journal,
            DailyRunConfiguration configuration) {
        this.store = store;
        this.pricing = pricing;
        this.clock = clock;
        this.journal = journal;
        this.events = new BillingEventPublisher(() -> eventAdmin);
        this.node = configuration.node().isBlank() ? System.getProperty("karaf.name", "dmscloud") : configuration.node();
        this.batchSize = configuration.batchSize();
        this.workers = Math.max(1, Math.min(configuration.workers(), 64));
        this.retryAfter = retryAfter(configuration);
        this.abandonedAfter = Duration.ofMinutes(Math.max(10, configuration.abandonedAfterMinutes()));
        failCutOffRuns();
    }

    /** How long after a run that left instances unbilled the day's next run tries them again. */
    static Duration retryAfter(DailyRunConfiguration configuration) {
        return Duration.ofMinutes(Math.max(1, configuration.retryFailedAfterMinutes()));
    }

    /**
     * This node's runs that a stop cut off (kill -9, a lost machine) would show as running for ever: they are failed
     * now. What they charged stands, once; the day's next run bills what they left.
     */
    void failCutOffRuns() {
        try {
            List<Long> cutOff = store.inTransaction(tx -> tx.billingRuns().failCutOff(node, clock.instant()));
            cutOff.forEach(runId -> LOG.warn("Daily run {} of {} was cut off when this node stopped; it is marked FAILED. What it charged "
                    + "stands, and the day's next run bills what it left.", runId, node));
        } catch (UnavailableException e) {
            LOG.warn("Could not look for daily runs cut off by this node's last stop: {}", e.getMessage());
        }
    }

    DailyRun(BillingStore store, Pricing pricing, Clock clock, BillingEventPublisher events, InstanceJournal journal, String node, int batchSize,
            int workers) {
        this.store = store;
        this.pricing = pricing;
        this.clock = clock;
        this.events = events;
        this.journal = journal;
        this.node = node;
        this.batchSize = batchSize;
        this.workers = workers;
        this.retryAfter = Duration.ofMinutes(15);
        this.abandonedAfter = Duration.ofHours(2);
    }

    /**
     * Runs the day. Whatever happens inside it, plugins' failures and {@link Error}s included, the run ends recorded as
     * COMPLETED (instances it could not bill counted as failed, for the day's next run) or FAILED, never left RUNNING by
     * a node that goes on; and the operators hear of a day that could not be billed in full, once, and again when it is.
     */
    @Override
    public BillingRun run(LocalDate day) {
        checkNotAfterToday(day);
        Optional<BillingRun> previous = store.inTransaction(tx -> tx.billingRuns().latest(day));
        failAbandonedRuns();
        long runId = store.inTransaction(tx -> tx.billingRuns().start(day, node, clock.instant()));
        LOG.info("Daily run {} for {} started on {} with {} workers", runId, day, node, workers);
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> new Thread(r, "dmscloud-daily-run-" + runId));
        try {
            List<Future<?>> walks = new ArrayList<>();
            for (int index = 0; index < workers; index++) {
                Shard shard = new Shard(index, workers);
                walks.add(pool.submit(() -> walk(runId, day, shard)));
            }
            RuntimeException failure = null;
            for (Future<?> walk : walks) {
                try {
                    walk.get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    failure = cause instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException("A worker of daily run " + runId + " failed: " + cause, cause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = new IllegalStateException("interrupted", e);
                }
            }
            if (failure != null) {
                throw failure;
            }
            store.inTransaction(tx -> {
                tx.billingRuns().finish(runId, BillingRun.Status.COMPLETED, clock.instant());
                return null;
            });
        } catch (RuntimeException | Error e) {
            LOG.error("Daily run {} for {} failed; the next run of the day goes on where it stopped", runId, day, e);
            try {
                store.inTransaction(tx -> {
                    tx.billingRuns().finish(runId, BillingRun.Status.FAILED, clock.instant());
                    return null;
                });
            } catch (RuntimeException unrecorded) {
                LOG.error("Daily run {} could not be recorded as failed (it is failed as cut off when this node starts again, "
                        + "or as abandoned by the next run): {}", runId, unrecorded.toString());
            }
            tellOperators(day, previous, Optional.empty(), e);
            throw e;
        } finally {
            pool.shutdownNow();
        }
        BillingRun run = store.inTransaction(tx -> tx.billingRuns().find(runId)).orElseThrow();
        LOG.info("Daily run {} for {} completed: {} charged, {} disabled, {} skipped, {} failed, total {}", runId, day,
                run.charged(), run.disabled(), run.skipped(), run.failed(), run.totalCharged());
        tellOperators(day, previous, Optional.of(run), null);
        return run;
    }

    /** Runs of any node that nobody works on any more are failed, and said so: the run starting now bills what they left. */
    private void failAbandonedRuns() {
        Instant now = clock.instant();
        List<BillingRun> abandoned = store.inTransaction(tx -> tx.billingRuns().failAbandoned(now.minus(abandonedAfter), now));
        abandoned.forEach(run -> LOG.warn("Daily run {} of {} on {} was still recorded as running {} after it started: it is marked FAILED as "
                + "abandoned, and run {} bills what it left", run.id(), run.day(), run.node(), abandonedAfter, "of " + node));
    }

    /**
     * Mails the operators when a day's run leaves instances unbilled or fails, if the run before it of the same day did not
     * already (a broken plugin would otherwise mail at every retry), and when a day that could not be billed in full is.
     */
    private void tellOperators(LocalDate day, Optional<BillingRun> previous, Optional<BillingRun> completed, Throwable failure) {
        OperatorMail mail = operatorMail;
        if (mail == null) {
            return;
        }
        boolean previousIncomplete = previous.map(p -> p.status() != BillingRun.Status.COMPLETED || p.failed() > 0).orElse(false);
        try {
            if (failure != null) {
                if (previous.map(p -> p.status() != BillingRun.Status.FAILED).orElse(true)) {
                    mail.notifyOperators("billing-run", "Daily run of " + day + " failed on " + node,
                            "The daily run of " + day + " on " + node + " failed: " + failure + "\n\nWhat it charged stands, once. "
                                    + "It is started again within a minute; the log of " + node + " has the details. "
                                    + "See dms:billing-runs.");
                }
                return;
            }
            BillingRun run = completed.orElseThrow();
            if (run.failed() > 0 && !previousIncomplete) {
                Map<InstanceId, String> failures = store.inTransaction(tx -> tx.billingRuns().failures(run.id()));
                StringBuilder body = new StringBuilder("The daily run of " + day + " on " + node + " could not bill " + run.failed()
                        + " instance(s). They are left as they were (not charged, not disabled) and tried again every " + retryAfter.toMinutes()
                        + " minutes today; each is charged at most once.\n\nWhy, per instance:\n");
                failures.entrySet().stream().limit(20).forEach(f -> body.append("- ").append(f.getKey()).append(": ").append(f.getValue()).append('\n'));
                if (failures.size() > 20) {
                    body.append("- and ").append(failures.size() - 20).append(" more: dms:billing-runs\n");
                }
                mail.notifyOperators("billing-run", "Daily run of " + day + ": " + run.failed() + " instance(s) could not be billed", body.toString());
            } else if (run.failed() == 0 && previousIncomplete) {
                mail.notifyOperators("billing-run", "Daily run of " + day + ": every instance is billed now",
                        "Run " + run.id() + " on " + node + " billed what the earlier runs of " + day + " had left: " + run.charged() + " charged, "
                                + run.disabled() + " disabled.");
            }
        } catch (RuntimeException unmailed) {
            LOG.warn("The operators could not be mailed about the daily run of {}: {}", day, unmailed.toString());
        }
    }

    private void checkNotAfterToday(LocalDate day) {
        LocalDate today = BillingTime.dayOf(clock.instant());
        if (day.isAfter(today)) {
            throw new IllegalArgumentException("The daily run bills days that have begun; " + day + " is after today, " + today + ".");
        }
    }

    /** Bills one shard's due instances, oldest first, batch after batch. */
    private void walk(long runId, LocalDate day, Shard shard) {
        Instant dayEnd = BillingTime.start(day.plusDays(1));
        RateCache rates = new RateCache(pricing);
        RunCursor cursor = RunCursor.START;
        while (true) {
            RunCursor after = cursor;
            BatchResult batch = billBatch(runId, day, tx -> tx.dailyBilling().findDue(dayEnd, shard, after, batchSize), rates);
            if (batch.due().isEmpty()) {
                return;
            }
            cursor = batch.due().get(batch.due().size() - 1).cursor();
        }
    }

    @Override
    public RunPreview preview(LocalDate day, int listLimit) {
        checkNotAfterToday(day);
        Instant dayEnd = BillingTime.start(day.plusDays(1));
        RateCache rates = new RateCache(pricing);
        PreviewTally tally = new PreviewTally(day, Math.max(0, listLimit));
        // Balances move along as the preview charges, across batches, exactly as the run's would.
        Map<AccountId, Money> balances = new HashMap<>();
        Map<AccountId, TenantId> tenants = new HashMap<>();
        RunCursor cursor = RunCursor.START;
        while (true) {
            RunCursor after = cursor;
            List<DueInstance> due = store.inTransaction(tx -> {
                List<DueInstance> batch = tx.dailyBilling().findDue(dayEnd, Shard.ALL, after, batchSize);
                Set<AccountId> unseen = batch.stream().map(DueInstance::account).filter(a -> !balances.containsKey(a)).collect(Collectors.toSet());
                tx.dailyBilling().readAccounts(unseen).forEach((account, read) -> {
                    balances.put(account, read.balance());
                    tenants.put(account, read.tenant());
                });
                return batch;
            });
            if (due.isEmpty()) {
                return tally.preview();
            }
            Map<AccountId, Money> before = new HashMap<>();
            due.forEach(instance -> before.putIfAbsent(instance.account(), balances.get(instance.account())));
            Decisions decisions = decide(day, due, balances, tenants, rates, clock.instant());
            tally.add(due, decisions, before);
            cursor = due.get(due.size() - 1).cursor();
        }
    }

    @Override
    public List<BillingRun> history(int limit) {
        return store.inTransaction(tx -> tx.billingRuns().history(Math.max(1, Math.min(limit, 1000))));
    }

    /**
     * Finds the next batch and bills it in one transaction, deciding from what it read and writing only if
     * none of it changed meanwhile. If something did (a customer acted), bills the batch again holding the
     * row locks; if that fails too, bills its instances one transaction each, so that one bad instance
     * cannot stop the others.
     */
    private BatchResult billBatch(long runId, LocalDate day, Function<BillingTransaction, List<DueInstance>> next, RateCache rates) {
        BatchResult result = null;
        Throwable failure = null;
        try {
            result = store.inTransaction(tx -> bill(tx, runId, day, next.apply(tx), rates, false));
        } catch (ConcurrentChangeException changed) {
            try {
                result = store.inTransaction(tx -> bill(tx, runId, day, next.apply(tx), rates, true));
            } catch (Throwable lockedFailure) { // any failure of one batch must not stop the others'
                failure = lockedFailure;
            }
        } catch (Throwable unlockedFailure) {
            failure = unlockedFailure;
        }
        if (result == null) {
            List<DueInstance> due = store.inTransaction(next::apply);
            LOG.warn("Daily run {}: a batch of {} failed ({}); billing its instances one by one", runId, due.size(), failure.toString());
            result = new BatchResult(due, List.of(), List.of());
            for (DueInstance instance : due) {
                result = result.plus(billAlone(runId, day, instance, rates));
            }
        }
        events.charged(result.charges());
        result.disabled().forEach(d -> events.disabledForInsufficientFunds(d.account(), d.instance().id(), d.needed(), d.balance()));
        return result;
    }

    private BatchResult billAlone(long runId, LocalDate day, DueInstance instance, RateCache rates) {
        try {
            return store.inTransaction(tx -> bill(tx, runId, day, List.of(instance), rates, true));
        } catch (Throwable e) { // recorded for this instance, which the day's next run tries again
            LOG.error("Daily run {}: instance {} could not be billed", runId, instance.id(), e);
            store.inTransaction(tx -> {
                tx.billingRuns().addProgress(runId, new RunProgress(0, 0, 0, Map.of(instance.id(), e.toString()), List.of()));
                return null;
            });
            return new BatchResult(List.of(), List.of(), List.of());
        }
    }

    /**
     * Bills the instances in run order in this transaction: either holding the row locks (accounts, then
     * the instances still due), or from what was read, written on condition that it is unchanged.
     */
    private BatchResult bill(BillingTransaction tx, long runId, LocalDate day, List<DueInstance> due, RateCache rates, boolean locked) {
        if (due.isEmpty()) {
            return new BatchResult(due, List.of(), List.of());
        }
        Instant dayEnd = BillingTime.start(day.plusDays(1));
        Set<AccountId> accounts = due.stream().map(DueInstance::account).collect(Collectors.toSet());
        Map<AccountId, AccountToBill> accountsRead = locked ? tx.dailyBilling().lockAccounts(accounts) : tx.dailyBilling().readAccounts(accounts);
        Map<AccountId, Money> balances = new HashMap<>();
        Map<AccountId, TenantId> tenants = new HashMap<>();
        accountsRead.forEach((account, read) -> {
            balances.put(account, read.balance());
            tenants.put(account, read.tenant());
        });
        List<DueInstance> candidates = locked ? tx.dailyBilling().lockStillDue(due.stream().map(DueInstance::id).toList(), dayEnd) : due;
        Decisions decisions = decide(day, candidates, balances, tenants, rates, clock.instant());
        List<DailyCharge> charges = decisions.charges();
        List<Disabled> disabled = decisions.disabled();
        Map<InstanceId, String> failures = decisions.failures();
        List<Long> ids;
        if (locked) {
            ids = tx.dailyBilling().applyCharges(charges);
            tx.dailyBilling().disableForInsufficientFunds(disabled.stream().map(d -> d.instance().id()).toList());
        } else {
            ids = tx.dailyBilling().applyIfUnchanged(charges, disabled.stream().map(Disabled::instance).toList(), accountsRead);
        }
        // Plugins hear of the charges and the disabled instances exactly when this batch commits.
        journal.record(LifecycleEvents.ofDailyRun(charges, ids, disabled, tenants, BillingTime.billingInstant(clock)));
        CustomerMail mail = customerMail;
        if (mail != null) {
            // Queued in this transaction: the customer hears of it exactly when it is committed.
            for (Disabled d : disabled) {
                mail.instanceDisabled(tenants.get(d.account()), d.account(), d.instance().name(), d.needed(), d.balance());
            }
        }
        tx.billingRuns().addProgress(runId, new RunProgress(charges.size(), disabled.size(), due.size() - candidates.size(), failures,
                charges.stream().map(c -> c.entry().amount().negate()).toList()));
        List<LedgerEntry> written = new ArrayList<>(charges.size());
        for (int i = 0; i < charges.size(); i++) {
            NewLedgerEntry entry = charges.get(i).entry();
            written.add(new LedgerEntry(ids.get(i), entry.account(), entry.type(), entry.amount(), charges.get(i).balanceAfter(),
                    entry.instance(), entry.periodStart(), entry.periodEnd(), entry.rate(), entry.breakdown(), entry.description(),
                    entry.idempotencyKey(), entry.createdAt()));
        }
        return new BatchResult(due, written, disabled);
    }

    /**
     * Decides, in run order, whom to charge and whom to disable for the day, from the balances given
     * (which it moves along as it charges): the one place the run's rule (R1, R2) is applied, by the run
     * and by its preview.
     */
    private static Decisions decide(LocalDate day, List<DueInstance> candidates, Map<AccountId, Money> balances, Map<AccountId, TenantId> tenants,
            RateCache rates, Instant now) {
        Instant dayStart = BillingTime.start(day);
        Instant dayEnd = BillingTime.start(day.plusDays(1));
        List<DailyCharge> charges = new ArrayList<>();
        List<Disabled> disabled = new ArrayList<>();
        Map<InstanceId, String> failures = new LinkedHashMap<>();
        for (DueInstance instance : candidates) {
            Money balance = balances.get(instance.account());
            Object priced = rates.price(tenants.get(instance.account()), instance.configuration(), balance.currency());
            Optional<ItemNotOnSaleException> withdrawn = priced instanceof DailyRate current
                    ? Suppliers.changed(instance.ownItems(), current, instance.configuration())
                    : priced instanceof ItemNotOnSaleException notOnSale ? Optional.of(notOnSale) : Optional.empty();
            DailyRate rate;
            String description;
            Optional<Set<String>> ownItems = Optional.empty();
            if (withdrawn.isPresent()) {
                rate = LastPaidRate.of(Money.ofMinor(instance.paidRateMinor(), balance.currency()), instance.configuration().packageId(),
                        withdrawn.get());
                description = "Daily charge of '" + instance.name() + "' for " + day + " at the rate last paid: '" + withdrawn.get().item()
                        + "' is no longer on sale (R12)";
            } else if (priced instanceof DailyRate current) {
                rate = current;
                ownItems = Optional.of(current.ownItems());
                description = "Daily charge of '" + instance.name() + "' for " + day + " (R1)";
            } else {
                failures.put(instance.id(), (String) priced);
                continue;
            }
            Money dailyRate = rate.total();
            if (balance.isLessThan(dailyRate)) {
                disabled.add(new Disabled(instance.account(), instance, dailyRate, balance));
                continue;
            }
            Money after = balance.minus(dailyRate);
            balances.put(instance.account(), after);
            charges.add(new DailyCharge(instance, new NewLedgerEntry(instance.account(), LedgerEntryType.DAILY_CHARGE, dailyRate.negate(),
                    Optional.of(instance.id()), Optional.of(dayStart), Optional.of(dayEnd), Optional.of(dailyRate),
                    rate.components(), description, "daily/" + instance.id() + "/" + day, now),
                    after, dayEnd, ownItems));
        }
        return new Decisions(charges, disabled, failures);
    }

    /** What {@link #decide} decided for a list of due instances. */
    record Decisions(List<DailyCharge> charges, List<Disabled> disabled, Map<InstanceId, String> failures) {
    }

    /** An instance the run disabled, and why: the rate it needed and the balance there was. */
    record Disabled(AccountId account, DueInstance instance, Money needed, Money balance) {
    }

    /** What one batch found due, and what it charged and disabled. */
    private record BatchResult(List<DueInstance> due, List<LedgerEntry> charges, List<Disabled> disabled) {

        /** Adds what billing one of this batch's instances alone did. */
        BatchResult plus(BatchResult other) {
            List<LedgerEntry> allCharges = new ArrayList<>(charges);
            allCharges.addAll(other.charges);
            List<Disabled> allDisabled = new ArrayList<>(disabled);
            allDisabled.addAll(other.disabled);
            return new BatchResult(due, allCharges, allDisabled);
        }
    }

    /**
     * Rates of the configurations met in one run, each priced for its tenant (with its plugins and prices).
     * Plugins are pure (their contract), so a tenant's configuration's rate is asked once per run; the cache is bounded so memory does not grow with the instances.
     */
    static final class RateCache {

        private static final int MAX_ENTRIES = 10_000;

        private final Pricing pricing;
        private final Map<Key, Object> rates = new LinkedHashMap<>(256, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Object> eldest) {
                return size() > MAX_ENTRIES;
            }
        };

        RateCache(Pricing pricing) {
            this.pricing = pricing;
        }

        /**
         * The configuration's current rate ({@link DailyRate}); or, when an item of it is not on sale, the
         * {@link ItemNotOnSaleException} saying which (R12); or, when it cannot be priced otherwise, why not (a
         * {@link String}).
         */
        Object price(TenantId tenant, InstanceConfiguration configuration, Currency currency) {
            return rates.computeIfAbsent(new Key(tenant, configuration, currency), key -> {
                try {
                    return pricing.dailyRate(tenant, configuration, currency);
                } catch (ItemNotOnSaleException withdrawn) {
                    return withdrawn;
                } catch (Throwable e) { // whatever pricing throws fails the instances that need it, not the run
                    return e.getMessage() == null ? e.toString() : e.getMessage();
                }
            });
        }

        private record Key(TenantId tenant, InstanceConfiguration configuration, Currency currency) {
        }
    }
}
