package org.dmscloud.billing.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.dmscloud.api.account.Account;
import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.billing.BillableAction;
import org.dmscloud.api.billing.BillingRun;
import org.dmscloud.api.billing.LedgerAudit;
import org.dmscloud.api.billing.LedgerEntry;
import org.dmscloud.api.billing.LedgerEntryType;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.catalog.PriceComponent;
import org.dmscloud.api.instance.DisableReason;
import org.dmscloud.api.instance.Instance;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.instance.InstanceQuery;
import org.dmscloud.api.instance.InstanceState;
import org.dmscloud.api.money.Money;
import org.dmscloud.api.tenant.Tenant;
import org.dmscloud.persistence.CheckConstraintException;
import org.dmscloud.persistence.DuplicateKeyException;
import org.dmscloud.persistence.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Billing's tables through its store, on every database the platform supports: each subclass brings one
 * database, shared by the tests of the class.
 */
abstract class BillingStorageContractTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    private TestDatabases.OpenStore openStore;
    private TestBillingStore billing;
    private BillingStore store;

    /** A database with nothing in it, or with what earlier tests of the same class left. */
    protected abstract DataSource dataSource();

    @BeforeEach
    void openStore() {
        openStore = TestDatabases.open(dataSource(), TestDatabases.TENANTS);
        billing = TestBillingStore.on(openStore);
        store = billing.store();
    }

    @AfterEach
    void closeStore() {
        billing.close();
        openStore.close();
    }

    @Test
    void anAccountSurvivesTheRoundTrip() {
        NewAccount account = newAccount();

        Account created = store.inTransaction(tx -> tx.accounts().create(account));
        Account found = store.inTransaction(tx -> tx.accounts().find(account.id())).orElseThrow();

        assertThat(found).isEqualTo(created);
        assertThat(found.id()).isEqualTo(account.id());
        assertThat(found.tenant()).isEqualTo(TenantId.DEFAULT);
        assertThat(found.displayName()).isEqualTo("Example GmbH");
        assertThat(found.balance()).isEqualTo(Money.zero(EUR));
        assertThat(found.createdAt()).isEqualTo(account.createdAt().truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void aLockedReadFindsTheAccount() {
        NewAccount account = newAccount();
        store.inTransaction(tx -> tx.accounts().create(account));

        Optional<Account> locked = store.inTransaction(tx -> tx.accounts().lock(account.id()));
        Optional<Account> unknown = store.inTransaction(tx -> tx.accounts().lock(AccountId.random()));

        assertThat(locked).get().extracting(Account::id).isEqualTo(account.id());
        assertThat(unknown).isEmpty();
    }

    @Test
    void aFailedTransactionStoresNothing() {
        NewAccount account = newAccount();

        assertThatThrownBy(() -> store.inTransaction(tx -> {
            tx.accounts().create(account);
            throw new IllegalStateException("changed my mind");
        })).hasMessage("changed my mind");

        Optional<Account> found = store.inTransaction(tx -> tx.accounts().find(account.id()));
        assertThat(found).isEmpty();
    }

    @Test
    void aNestedTransactionJoinsTheOuterOne() {
        NewAccount account = newAccount();

        boolean seenInside = store.inTransaction(tx -> {
            tx.accounts().create(account);
            return store.inTransaction(inner -> inner.accounts().find(account.id()).isPresent());
        });

        assertThat(seenInside).isTrue();
    }

    @Test
    void billingWorkInAnotherBundlesTransactionCommitsAndRollsBackWithIt() {
        NewAccount kept = newAccount();
        NewAccount rolledBack = newAccount();

        openStore.store().inTransaction(tx -> store.inTransaction(billing -> billing.accounts().create(kept)));
        assertThatThrownBy(() -> openStore.store().inTransaction(tx -> {
            store.inTransaction(billing -> billing.accounts().create(rolledBack));
            // The entity manager has flushed and "committed": the store's transaction still decides.
            throw new IllegalStateException("the other bundle's work failed");
        })).hasMessage("the other bundle's work failed");

        Optional<Account> found = store.inTransaction(tx -> tx.accounts().find(kept.id()));
        Optional<Account> gone = store.inTransaction(tx -> tx.accounts().find(rolledBack.id()));
        assertThat(found).isPresent();
        assertThat(gone).isEmpty();
    }

    @Test
    void theDatabaseRefusesANegativeBalance() throws SQLException {
        NewAccount account = newAccount();
        store.inTransaction(tx -> tx.accounts().create(account));

        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate(
                    "UPDATE account SET balance_minor = -1 WHERE id = '" + account.id() + "'"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("23"));
        }
        assertThat(store.inTransaction(tx -> tx.accounts().find(account.id())).orElseThrow().balance().isZero()).isTrue();
    }

    @Test
    void aLedgerEntryChangesTheBalanceAndRecordsItAfterwards() {
        NewAccount account = newAccount();
        store.inTransaction(tx -> tx.accounts().create(account));

        LedgerEntry topUp = store.inTransaction(tx -> tx.ledger().append(entry(account, 10_000, "top-up-1")));
        LedgerEntry charge = store.inTransaction(tx -> tx.ledger().append(entry(account, -2_400, "charge-1")));

        assertThat(topUp.balanceAfter()).isEqualTo(Money.ofMinor(10_000, EUR));
        assertThat(charge.balanceAfter()).isEqualTo(Money.ofMinor(7_600, EUR));
        Account stored = store.inTransaction(tx -> tx.accounts().find(account.id())).orElseThrow();
        assertThat(stored.balance()).isEqualTo(Money.ofMinor(7_600, EUR));
        LedgerEntry reread = store.inTransaction(tx -> tx.ledger().findByIdempotencyKey("charge-1")).orElseThrow();
        assertThat(reread).isEqualTo(charge);
        List<LedgerEntry> page = store.inTransaction(tx -> tx.ledger().page(account.id(), Long.MAX_VALUE, 10));
        assertThat(page).containsExactly(charge, topUp);
    }

    @Test
    void anIdempotencyKeyChangesABalanceOnlyOnce() {
        NewAccount account = newAccount();
        store.inTransaction(tx -> tx.accounts().create(account));
        store.inTransaction(tx -> tx.ledger().append(entry(account, 500, "once")));

        assertThatThrownBy(() -> store.inTransaction(tx -> tx.ledger().append(entry(account, 500, "once"))))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(store.inTransaction(tx -> tx.accounts().find(account.id())).orElseThrow().balance())
                .isEqualTo(Money.ofMinor(500, EUR));
    }

    @Test
    void theDatabaseRefusesAnEntryThatWouldMakeTheBalanceNegative() {
        NewAccount account = newAccount();
        store.inTransaction(tx -> tx.accounts().create(account));
        store.inTransaction(tx -> tx.ledger().append(entry(account, 100, "in")));

        assertThatThrownBy(() -> store.inTransaction(tx -> tx.ledger().append(entry(account, -101, "too-much"))))
                .isInstanceOf(CheckConstraintException.class).message().containsIgnoringCase("ck_account_balance_not_negative");
        assertThat(store.inTransaction(tx -> tx.accounts().find(account.id())).orElseThrow().balance())
                .isEqualTo(Money.ofMinor(100, EUR));
        Optional<LedgerEntry> refused = store.inTransaction(tx -> tx.ledger().findByIdempotencyKey("too-much"));
        assertThat(refused).isEmpty();
    }

    @Test
    void anInstanceSurvivesTheRoundTripAndItsUpdates() {
        NewAccount account = newAccount();
        store.inTransaction(tx -> tx.accounts().create(account));
        Instance instance = newInstance(account, Instant.parse("2026-11-26T12:00:00Z"));

        store.inTransaction(tx -> tx.instances().create(instance));
        Instance disabled = new Instance(instance.id(), instance.account(), "renamed", InstanceConfiguration.of("business", 2_000,
                Set.of("usp", "firmware")), InstanceState.DISABLED, Optional.of(DisableReason.CUSTOMER), instance.paidUntil(),
                Money.ofMinor(3_600, EUR), instance.createdAt());
        store.inTransaction(tx -> tx.instances().lock(instance.id()).map(locked -> tx.instances().update(disabled)));

        Optional<Instance> found = store.inTransaction(tx -> tx.instances().find(instance.id()));
        List<Instance> listed = store.inTransaction(tx -> tx.instances().listByAccount(account.id()));
        assertThat(found).contains(disabled);
        assertThat(listed).containsExactly(disabled);
    }

    @Test
    void operatorsFindInstancesByStateAccountAndPackageNewestFirst() {
        NewAccount one = newAccount();
        NewAccount other = newAccount();
        store.inTransaction(tx -> List.of(tx.accounts().create(one), tx.accounts().create(other)));
        Instance older = newInstance(one, Instant.parse("2026-11-25T10:00:00Z"));
        Instance newer = newInstance(one, Instant.parse("2026-11-25T11:00:00Z"));
        Instance business = new Instance(InstanceId.random(), other.id(), "big", InstanceConfiguration.of("business", 2_000, Set.of()),
                InstanceState.DISABLED, Optional.of(DisableReason.CUSTOMER), older.paidUntil(), Money.zero(EUR), Instant.parse("2026-11-25T12:00:00Z"));
        Instance deleted = new Instance(InstanceId.random(), other.id(), "gone", InstanceConfiguration.of("starter", 10, Set.of()),
                InstanceState.DELETED, Optional.empty(), older.paidUntil(), Money.zero(EUR), Instant.parse("2026-11-25T13:00:00Z"));
        store.inTransaction(tx -> List.of(tx.instances().create(older), tx.instances().create(newer), tx.instances().create(business),
                tx.instances().create(deleted)));

        List<Instance> ofOne = store.inTransaction(tx -> tx.instances().search(new InstanceQuery(Optional.empty(), Optional.empty(), Optional.of(one.id()), Optional.empty(), 10)));
        List<Instance> disabledOnes = store.inTransaction(tx -> tx.instances().search(new InstanceQuery(Optional.of(InstanceState.DISABLED), Optional.empty(),
                Optional.empty(), Optional.empty(), 1000)));
        List<Instance> starterOfOther = store.inTransaction(tx -> tx.instances().search(new InstanceQuery(Optional.empty(), Optional.empty(), Optional.of(other.id()),
                Optional.of("starter"), 10)));
        List<Instance> deletedOfOther = store.inTransaction(tx -> tx.instances().search(new InstanceQuery(Optional.of(InstanceState.DELETED), Optional.empty(),
                Optional.of(other.id()), Optional.empty(), 10)));
        List<Instance> newestOfOne = store.inTransaction(tx -> tx.instances().search(new InstanceQuery(Optional.empty(), Optional.empty(), Optional.of(one.id()),
                Optional.empty(), 1)));

        assertThat(ofOne).extracting(Instance::id).containsExactly(newer.id(), older.id());
        assertThat(disabledOnes).extracting(Instance::id).contains(business.id()).doesNotContain(older.id(), newer.id());
        assertThat(starterOfOther).isEmpty();
        assertThat(deletedOfOther).extracting(Instance::id).containsExactly(deleted.id());
        assertThat(newestOfOne).extracting(Instance::id).containsExactly(newer.id());
    }

    @Test
    void operatorsFindInstancesByTenant() {
        TenantId reseller = newTenant();
        NewAccount platforms = newAccount();
        NewAccount resellers = new NewAccount(AccountId.random(), reseller, "Reseller's customer", EUR, Instant.parse("2026-11-26T10:15:30Z"));
        store.inTransaction(tx -> List.of(tx.accounts().create(platforms), tx.accounts().create(resellers)));
        // Disabled, so that the daily run's tests on the same database do not meet them.
        Instance platformsInstance = disabled(newInstance(platforms, Instant.parse("2026-11-25T10:00:00Z")));
        Instance resellersInstance = disabled(newInstance(resellers, Instant.parse("2026-11-25T11:00:00Z")));
        store.inTransaction(tx -> List.of(tx.instances().create(platformsInstance), tx.instances().create(resellersInstance)));

        List<Instance> ofReseller = store.inTransaction(tx -> tx.instances().search(new InstanceQuery(Optional.empty(), Optional.of(reseller),
                Optional.empty(), Optional.empty(), 1000)));

        assertThat(ofReseller).extracting(Instance::id).containsExactly(resellersInstance.id());
    }

    @Test
    void anAccountsInstancesAndQuotesAreFoundThroughItOnly() {
        NewAccount owner = newAccount();
        NewAccount stranger = newAccount();
        store.inTransaction(tx -> List.of(tx.accounts().create(owner), tx.accounts().create(stranger)));
        Instance instance = disabled(newInstance(owner, Instant.parse("2026-11-25T10:00:00Z")));
        QuoteRecord quote = new QuoteRecord(UUID.randomUUID(), owner.id(), BillableAction.CREATE, "create/x", Money.ofMinor(100, EUR),
                Instant.parse("2026-11-25T10:00:00Z"), Instant.parse("2026-11-25T10:15:00Z"));
        store.inTransaction(tx -> {
            tx.instances().create(instance);
            tx.quotes().save(quote);
            return null;
        });

        Optional<Instance> ownersInstance = store.inTransaction(tx -> tx.instances().findOfAccount(owner.id(), instance.id()));
        Optional<Instance> strangersInstance = store.inTransaction(tx -> tx.instances().findOfAccount(stranger.id(), instance.id()));
        Optional<Instance> ownersLocked = store.inTransaction(tx -> tx.instances().lockOfAccount(owner.id(), instance.id()));
        Optional<Instance> strangersLocked = store.inTransaction(tx -> tx.instances().lockOfAccount(stranger.id(), instance.id()));
        Optional<QuoteRecord> ownersQuote = store.inTransaction(tx -> tx.quotes().findOfAccount(owner.id(), quote.id()));
        Optional<QuoteRecord> strangersQuote = store.inTransaction(tx -> tx.quotes().findOfAccount(stranger.id(), quote.id()));

        assertThat(ownersInstance).map(Instance::id).contains(instance.id());
        assertThat(ownersLocked).map(Instance::id).contains(instance.id());
        assertThat(ownersQuote).contains(quote);
        assertThat(List.of(strangersInstance, strangersLocked, strangersQuote)).allMatch(Optional::isEmpty);
    }

    @Test
    void theDailyRunFindsLocksAndChargesDueInstancesInRunOrder() {
        NewAccount account = newAccount();
        store.inTransaction(tx -> tx.accounts().create(account));
        store.inTransaction(tx -> tx.ledger().append(entry(account, 10_000, "funds")));
        Instant dayEnd = Instant.parse("2026-11-27T00:00:00Z");
        Instance older = newInstance(account, Instant.parse("2026-11-25T10:00:00Z"));
        Instance newer = newInstance(account, Instant.parse("2026-11-25T11:00:00Z"));
        store.inTransaction(tx -> List.of(tx.instances().create(newer), tx.instances().create(older)));

        List<DailyBilling.DueInstance> due = store.inTransaction(tx -> tx.dailyBilling().findDue(dayEnd, DailyBilling.Shard.ALL, DailyBilling.RunCursor.START, 10));
        assertThat(due).extracting(DailyBilling.DueInstance::id).containsExactly(older.id(), newer.id());
        List<DailyBilling.DueInstance> afterFirst = store.inTransaction(tx -> tx.dailyBilling().findDue(dayEnd, DailyBilling.Shard.ALL, due.get(0).cursor(), 10));
        assertThat(afterFirst).extracting(DailyBilling.DueInstance::id).containsExactly(newer.id());

        List<Long> ids = store.inTransaction(tx -> {
            assertThat(tx.dailyBilling().lockAccounts(List.of(account.id()))).containsEntry(account.id(),
                    new DailyBilling.AccountToBill(Money.ofMinor(10_000, EUR), TenantId.DEFAULT));
            assertThat(tx.dailyBilling().lockStillDue(List.of(newer.id(), older.id()), dayEnd)).hasSize(2);
            NewLedgerEntry charge = new NewLedgerEntry(account.id(), LedgerEntryType.DAILY_CHARGE, Money.ofMinor(-2_400, EUR),
                    Optional.of(older.id()), Optional.of(dayEnd.minusSeconds(86_400)), Optional.of(dayEnd),
                    Optional.of(Money.ofMinor(2_400, EUR)), List.of(), "daily", "daily/" + older.id(), Instant.now());
            List<Long> written = tx.dailyBilling().applyCharges(List.of(new DailyBilling.DailyCharge(due.get(0), charge, Money.ofMinor(7_600, EUR),
                    dayEnd)));
            tx.dailyBilling().disableForInsufficientFunds(List.of(newer.id()));
            return written;
        });

        assertThat(ids).hasSize(1);
        assertThat(store.inTransaction(tx -> tx.accounts().find(account.id())).orElseThrow().balance()).isEqualTo(Money.ofMinor(7_600, EUR));
        Instance charged = store.inTransaction(tx -> tx.instances().find(older.id())).orElseThrow();
        assertThat(charged.paidUntil()).isEqualTo(dayEnd);
        assertThat(charged.paidRate()).isEqualTo(Money.ofMinor(2_400, EUR));
        Instance disabled = store.inTransaction(tx -> tx.instances().find(newer.id())).orElseThrow();
        assertThat(disabled.state()).isEqualTo(InstanceState.DISABLED);
        assertThat(disabled.disableReason()).contains(DisableReason.INSUFFICIENT_FUNDS);
        List<DailyBilling.DueInstance> dueAfterwards = store.inTransaction(tx -> tx.dailyBilling().findDue(dayEnd, DailyBilling.Shard.ALL, DailyBilling.RunCursor.START, 10));
        assertThat(dueAfterwards).isEmpty();
    }

    @Test
    void anUnlockedBatchIsWrittenOnlyIfNothingItWasDecidedFromChanged() {
        NewAccount account = newAccount();
        store.inTransaction(tx -> tx.accounts().create(account));
        store.inTransaction(tx -> tx.ledger().append(entry(account, 10_000, "funds-" + account.id())));
        Instant dayEnd = Instant.parse("2026-11-27T00:00:00Z");
        Instance instance = newInstance(account, Instant.parse("2026-11-25T10:00:00Z"));
        store.inTransaction(tx -> tx.instances().create(instance));
        DailyBilling.DueInstance due = store.inTransaction(tx -> tx.dailyBilling().findDue(dayEnd, DailyBilling.Shard.ALL,
                DailyBilling.RunCursor.START, 10)).get(0);
        Map<AccountId, DailyBilling.AccountToBill> read = store.inTransaction(tx -> tx.dailyBilling().readAccounts(List.of(account.id())));
        NewLedgerEntry charge = new NewLedgerEntry(account.id(), LedgerEntryType.DAILY_CHARGE, Money.ofMinor(-2_400, EUR),
                Optional.of(instance.id()), Optional.of(dayEnd.minusSeconds(86_400)), Optional.of(dayEnd),
                Optional.of(Money.ofMinor(2_400, EUR)), List.of(), "daily", "daily/" + instance.id(), Instant.now());
        DailyBilling.DailyCharge daily = new DailyBilling.DailyCharge(due, charge, Money.ofMinor(7_600, EUR), dayEnd);

        // A top-up lands between the read and the write: the batch must not go through.
        store.inTransaction(tx -> tx.ledger().append(entry(account, 500, "late-top-up-" + account.id())));
        assertThatThrownBy(() -> store.inTransaction(tx -> tx.dailyBilling().applyIfUnchanged(List.of(daily), List.of(), read)))
                .isInstanceOf(DailyBilling.ConcurrentChangeException.class);
        assertThat(store.inTransaction(tx -> tx.accounts().find(account.id())).orElseThrow().balance()).isEqualTo(Money.ofMinor(10_500, EUR));

        Map<AccountId, DailyBilling.AccountToBill> reread = store.inTransaction(tx -> tx.dailyBilling().readAccounts(List.of(account.id())));
        List<Long> ids = store.inTransaction(tx -> tx.dailyBilling().applyIfUnchanged(
                List.of(new DailyBilling.DailyCharge(due, charge, Money.ofMinor(8_100, EUR), dayEnd)), List.of(), reread));
        assertThat(ids).hasSize(1);
        assertThat(store.inTransaction(tx -> tx.accounts().find(account.id())).orElseThrow().balance()).isEqualTo(Money.ofMinor(8_100, EUR));
        assertThat(store.inTransaction(tx -> tx.instances().find(instance.id())).orElseThrow().paidUntil()).isEqualTo(dayEnd);

        // The instance moved on (its version with it): writing the same charge again is refused.
        assertThatThrownBy(() -> store.inTransaction(tx -> tx.dailyBilling().applyIfUnchanged(
                List.of(new DailyBilling.DailyCharge(due, charge, Money.ofMinor(5_700, EUR), dayEnd)), List.of(),
                tx.dailyBilling().readAccounts(List.of(account.id()))))).isInstanceOf(DailyBilling.ConcurrentChangeException.class);
    }

    @Test
    void shardsSplitTheDueInstancesByAccountWithoutGapOrOverlap() {
        Instant dayEnd = Instant.parse("2026-11-27T00:00:00Z");
        java.util.Set<InstanceId> all = new java.util.HashSet<>();
        for (int i = 0; i < 40; i++) {
            NewAccount account = newAccount();
            store.inTransaction(tx -> tx.accounts().create(account));
            Instance instance = newInstance(account, Instant.parse("2026-11-25T10:00:00Z").plusSeconds(i));
            store.inTransaction(tx -> tx.instances().create(instance));
            all.add(instance.id());
        }
        for (int count : List.of(1, 2, 3, 7)) {
            java.util.Set<InstanceId> seen = new java.util.HashSet<>();
            for (int index = 0; index < count; index++) {
                DailyBilling.Shard shard = new DailyBilling.Shard(index, count);
                List<DailyBilling.DueInstance> part = store.inTransaction(tx -> tx.dailyBilling().findDue(dayEnd, shard,
                        DailyBilling.RunCursor.START, 1_000));
                for (DailyBilling.DueInstance due : part) {
                    assertThat(seen.add(due.id())).as("%s in one shard of %d only", due.id(), count).isTrue();
                }
            }
            assertThat(seen).as("%d shards cover every instance", count).containsAll(all);
        }
    }

    @Test
    void aBillingRunRecordsItsProgress() {
        long run = store.inTransaction(tx -> tx.billingRuns().start(LocalDate.parse("2026-11-26"), "node-1", Instant.parse("2026-11-26T00:05:00Z")));
        InstanceId failedOne = InstanceId.random();
        store.inTransaction(tx -> {
            tx.billingRuns().addProgress(run, new BillingRuns.RunProgress(2, 1, 0, Map.of(failedOne, "no package"),
                    List.of(Money.ofMinor(2_400, EUR), Money.ofMinor(100, EUR))));
            tx.billingRuns().addProgress(run, new BillingRuns.RunProgress(1, 0, 3, Map.of(), List.of(Money.ofMinor(500, EUR))));
            tx.billingRuns().finish(run, BillingRun.Status.COMPLETED, Instant.parse("2026-11-26T00:06:00Z"));
            return null;
        });

        BillingRun recorded = store.inTransaction(tx -> tx.billingRuns().find(run)).orElseThrow();
        assertThat(recorded.status()).isEqualTo(BillingRun.Status.COMPLETED);
        assertThat(List.of(recorded.charged(), recorded.disabled(), recorded.skipped(), recorded.failed())).containsExactly(3L, 1L, 3L, 1L);
        assertThat(recorded.totalCharged()).containsExactly(Money.ofMinor(3_000, EUR));
        Map<InstanceId, String> failures = store.inTransaction(tx -> tx.billingRuns().failures(run));
        BillingRun latest = store.inTransaction(tx -> tx.billingRuns().latest(LocalDate.parse("2026-11-26"))).orElseThrow();
        assertThat(failures).containsEntry(failedOne, "no package");
        assertThat(latest.id()).isEqualTo(run);
        Optional<BillingRun> none = store.inTransaction(tx -> tx.billingRuns().latest(LocalDate.parse("2016-11-26")));
        assertThat(none).as("no run that day").isEmpty();
    }

    @Test
    void runsStillRunningLongAfterTheyStartedAreFailedAsAbandonedWhateverTheirNode() {
        Instant longAgo = Instant.parse("2020-01-01T00:05:00Z");
        long abandoned = store.inTransaction(tx -> tx.billingRuns().start(LocalDate.parse("2020-01-01"), "lost-node", longAgo));
        long recent = store.inTransaction(tx -> tx.billingRuns().start(LocalDate.parse("2020-01-01"), "live-node", longAgo.plusSeconds(7_200)));

        List<BillingRun> failed = store.inTransaction(tx -> tx.billingRuns().failAbandoned(longAgo.plusSeconds(3_600), longAgo.plusSeconds(7_300)));

        assertThat(failed).extracting(BillingRun::id).containsExactly(abandoned);
        assertThat(failed).extracting(BillingRun::node).containsExactly("lost-node");
        assertThat(store.inTransaction(tx -> tx.billingRuns().find(abandoned)).orElseThrow().status()).isEqualTo(BillingRun.Status.FAILED);
        assertThat(store.inTransaction(tx -> tx.billingRuns().find(recent)).orElseThrow().status()).isEqualTo(BillingRun.Status.RUNNING);
    }

    @Test
    void runsANodeLeftRunningWhenItStoppedAreFailedWhenItStartsAgainAndOnlyIts() {
        String node = "node-" + UUID.randomUUID();
        String other = "node-" + UUID.randomUUID();
        Instant started = Instant.parse("2026-11-26T00:05:00Z");
        long cutOff = store.inTransaction(tx -> tx.billingRuns().start(LocalDate.parse("2026-11-26"), node, started));
        long elsewhere = store.inTransaction(tx -> tx.billingRuns().start(LocalDate.parse("2026-11-26"), other, started));

        List<Long> failed = store.inTransaction(tx -> tx.billingRuns().failCutOff(node, started.plusSeconds(600)));

        assertThat(failed).containsExactly(cutOff);
        assertThat(store.inTransaction(tx -> tx.billingRuns().find(cutOff)).orElseThrow().status()).isEqualTo(BillingRun.Status.FAILED);
        assertThat(store.inTransaction(tx -> tx.billingRuns().find(elsewhere)).orElseThrow().status()).as("another node's, still running")
                .isEqualTo(BillingRun.Status.RUNNING);
        List<Long> again = store.inTransaction(tx -> tx.billingRuns().failCutOff(node, started.plusSeconds(700)));
        assertThat(again).isEmpty();
    }

    @Test
    void theAuditFindsBalancesTheirLedgerDoesNotExplain() throws SQLException {
        NewAccount sound = newAccount();
        NewAccount tampered = newAccount();
        NewAccount staleAfter = newAccount();
        NewAccount empty = newAccount();
        for (NewAccount account : List.of(sound, tampered, staleAfter, empty)) {
            store.inTransaction(tx -> tx.accounts().create(account));
        }
        for (NewAccount account : List.of(sound, tampered, staleAfter)) {
            store.inTransaction(tx -> tx.ledger().append(entry(account, 10_000, "audit-top-up-" + account.id())));
            store.inTransaction(tx -> tx.ledger().append(entry(account, -2_400, "audit-charge-" + account.id())));
        }
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE account SET balance_minor = balance_minor + 100 WHERE id = '" + tampered.id() + "'");
            statement.executeUpdate("UPDATE ledger_entry SET balance_after_minor = 1 WHERE idempotency_key = 'audit-charge-" + staleAfter.id() + "'");
        }

        List<LedgerAudit.Mismatch> mismatches = store.inTransaction(tx -> tx.ledger().mismatches(100));
        long accounts = store.inTransaction(tx -> tx.ledger().countAccounts());

        assertThat(accounts).isGreaterThanOrEqualTo(4);
        assertThat(mismatches).extracting(LedgerAudit.Mismatch::account).contains(tampered.id(), staleAfter.id())
                .doesNotContain(sound.id(), empty.id());
        LedgerAudit.Mismatch off = mismatches.stream().filter(m -> m.account().equals(tampered.id())).findFirst().orElseThrow();
        assertThat(off.balance()).isEqualTo(Money.ofMinor(7_700, EUR));
        assertThat(off.ledgerTotal()).isEqualTo(Money.ofMinor(7_600, EUR));
        assertThat(off.latestBalanceAfter()).contains(Money.ofMinor(7_600, EUR));
        List<LedgerAudit.Mismatch> first = store.inTransaction(tx -> tx.ledger().mismatches(1));
        assertThat(first).hasSize(1);
    }

    /** A tenant of its own, so that tests sharing one database do not see each other's: a row as the tenants bundle keeps it. */
    private TenantId newTenant() {
        TenantId id = new TenantId("t-" + UUID.randomUUID().toString().substring(0, 8));
        try (Connection connection = dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO tenant (id, name, created_at) VALUES (?, ?, ?)")) {
            insert.setString(1, id.value());
            insert.setString(2, "Tenant " + id);
            insert.setObject(3, Instant.parse("2026-11-29T10:00:00Z").atOffset(java.time.ZoneOffset.UTC));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    private static NewLedgerEntry entry(NewAccount account, long minor, String key) {
        return new NewLedgerEntry(account.id(), minor >= 0 ? LedgerEntryType.TOP_UP : LedgerEntryType.PRORATED_CHARGE,
                Money.ofMinor(minor, EUR), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(new PriceComponent("test", "Test", Money.ofMinor(Math.abs(minor), EUR))), "test entry", key,
                Instant.parse("2026-11-26T10:00:00Z"));
    }

    private static Instance disabled(Instance instance) {
        return new Instance(instance.id(), instance.account(), instance.name(), instance.configuration(), InstanceState.DISABLED,
                Optional.of(DisableReason.CUSTOMER), instance.paidUntil(), instance.paidRate(), instance.createdAt());
    }

    private static Instance newInstance(NewAccount account, Instant createdAt) {
        return new Instance(InstanceId.random(), account.id(), "instance", InstanceConfiguration.of("starter", 500, Set.of()),
                InstanceState.ENABLED, Optional.empty(), createdAt, Money.zero(EUR), createdAt);
    }

    private static NewAccount newAccount() {
        // Nanoseconds on purpose: the database keeps microseconds, and the record must say so.
        return new NewAccount(AccountId.random(), TenantId.DEFAULT, "Example GmbH", EUR,
                Instant.parse("2026-11-26T10:15:30.123456789Z"));
    }
}
