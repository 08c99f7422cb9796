package org.dmscloud.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dmscloud.billing.internal.Billing.devices;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.dmscloud.api.account.Account;
import org.dmscloud.api.billing.BillingRun;
import org.dmscloud.api.billing.InsufficientFundsException;
import org.dmscloud.api.billing.LedgerEntry;
import org.dmscloud.api.billing.LedgerEntryType;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.catalog.Pricing;
import org.dmscloud.api.instance.ActionOptions;
import org.dmscloud.api.instance.DisableReason;
import org.dmscloud.api.instance.Instance;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.money.Money;
import org.dmscloud.persistence.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * R2 under pressure, on PostgreSQL: customers acting while the daily run runs, a run killed in the middle
 * and started again, two nodes running the same day at once. Nobody is charged twice, and the ledger
 * invariants hold.
 */
class ConcurrentBillingTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-24");
    private static final int ACCOUNTS = 20;
    private static final int INSTANCES_PER_ACCOUNT = 10;

    private Billing billing;
    private final List<Account> accounts = new ArrayList<>();
    private final List<Instance> instances = new ArrayList<>();

    @BeforeEach
    void populate() {
        billing = new Billing(TestDatabases.postgres(), Instant.parse("2026-11-23T10:00:00Z"), 25);
        for (int a = 0; a < ACCOUNTS; a++) {
            Account account = billing.account(a % 4 == 0 ? "120.00" : "1000.00"); // some run short during the day
            accounts.add(account);
            for (int i = 0; i < INSTANCES_PER_ACCOUNT; i++) {
                instances.add(billing.create(account.id(), 100 + INSTANCES_PER_ACCOUNT * a + i)); // all priced separately
            }
        }
        billing.clock.set("2026-11-24T00:05:00Z");
    }

    @AfterEach
    void stop() {
        billing.close();
    }

    @Test
    void customersActingDuringTheDailyRunKeepTheInvariants() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger actions = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<BillingRun> run = pool.submit(() -> {
                try {
                    return billing.dailyRun.run(DAY);
                } finally {
                    running.set(false);
                }
            });
            List<Future<?>> customers = new ArrayList<>();
            for (int worker = 0; worker < 3; worker++) {
                Random random = new Random(worker);
                customers.add(pool.submit(() -> {
                    while (running.get() || actions.get() < 50) {
                        act(random);
                        actions.incrementAndGet();
                    }
                    return null;
                }));
            }
            BillingRun result = run.get(2, TimeUnit.MINUTES);
            for (Future<?> customer : customers) {
                customer.get(2, TimeUnit.MINUTES);
            }
            assertThat(result.status()).isEqualTo(BillingRun.Status.COMPLETED);
            assertThat(result.failed()).isZero();
        } finally {
            pool.shutdownNow();
        }
        assertThat(actions.get()).as("customer actions during the run").isGreaterThanOrEqualTo(50);
        assertInvariants();
        billing.dailyRun.run(DAY);
        assertInvariants();
    }

    /**
     * A node that stops in the middle of a run (killed, or frozen: its thread never comes back) leaves the run RUNNING with
     * some batches committed; another node's run of the day bills the rest, and nobody is charged twice, even when the
     * frozen node wakes up and goes on. (A plugin's Error no longer stops a run: that is billing's own test of R1.)
     */
    @Test
    void aRunKilledInTheMiddleAndStartedAgainChargesNobodyTwice() throws Exception {
        AtomicInteger priced = new AtomicInteger();
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch wakes = new CountDownLatch(1);
        Pricing freezing = (tenant, configuration, currency) -> {
            if (priced.incrementAndGet() == 120) {
                stopped.countDown();
                awaitUninterruptibly(wakes);
            }
            return billing.prices.dailyRate(tenant, configuration, currency);
        };
        DailyRun doomed = new DailyRun(billing.store, freezing, billing.clock, new BillingEventPublisher(() -> null), billing.lifecycle.journal(),
                "doomed", 25, 2);
        ExecutorService node = Executors.newSingleThreadExecutor();
        try {
            Future<BillingRun> doomedRun = node.submit(() -> doomed.run(DAY));
            assertThat(stopped.await(1, TimeUnit.MINUTES)).isTrue();
            long chargedBeforeCrash = dailyCharges().size();
            assertThat(chargedBeforeCrash).as("some batches committed before the node stopped").isBetween(1L, (long) instances.size() - 1);
            assertThat(billing.dailyRun.history(10)).extracting(BillingRun::status).contains(BillingRun.Status.RUNNING);

            BillingRun restarted = billing.otherNode("restarted").run(DAY);

            assertThat(restarted.status()).isEqualTo(BillingRun.Status.COMPLETED);
            assertEveryInstanceChargedOnceOrDisabled();
            assertInvariants();

            wakes.countDown();
            assertThat(doomedRun.get(1, TimeUnit.MINUTES).status()).as("the node that woke up finishes its run").isEqualTo(BillingRun.Status.COMPLETED);
            assertEveryInstanceChargedOnceOrDisabled();
            assertInvariants();
        } finally {
            wakes.countDown();
            node.shutdownNow();
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        while (true) {
            try {
                latch.await();
                return;
            } catch (InterruptedException e) {
                // as a frozen node, deaf to everything
            }
        }
    }

    @Test
    void twoNodesRunningTheSameDayAtOnceChargeNobodyTwice() throws Exception {
        DailyRun first = billing.otherNode("node-a");
        DailyRun second = billing.otherNode("node-b");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<BillingRun> runA = () -> {
                start.await();
                return first.run(DAY);
            };
            Callable<BillingRun> runB = () -> {
                start.await();
                return second.run(DAY);
            };
            Future<BillingRun> a = pool.submit(runA);
            Future<BillingRun> b = pool.submit(runB);
            start.countDown();
            BillingRun ranA = a.get(2, TimeUnit.MINUTES);
            BillingRun ranB = b.get(2, TimeUnit.MINUTES);

            assertThat(ranA.charged() + ranB.charged()).isEqualTo(dailyCharges().size());
            assertThat(ranA.charged() + ranB.charged() + ranA.disabled() + ranB.disabled()).isEqualTo(instances.size());
            assertEveryInstanceChargedOnceOrDisabled();
        } finally {
            pool.shutdownNow();
        }
        assertInvariants();
    }

    /** A customer's random action on a random instance of theirs. */
    private void act(Random random) {
        Instance instance = instances.get(random.nextInt(instances.size()));
        try {
            switch (random.nextInt(5)) {
            case 0 -> billing.balances.topUp(instance.account(), Money.of("5.00", "EUR"), UUID.randomUUID().toString(), "top-up");
            case 1 -> billing.instances.disable(instance.account(), instance.id(), ActionOptions.NONE);
            case 2 -> billing.instances.enable(instance.account(), instance.id(), ActionOptions.NONE);
            default -> billing.instances.changeSettings(instance.account(), instance.id(), devices(100 + random.nextInt(2_000)),
                    ActionOptions.NONE);
            }
        } catch (InsufficientFundsException refused) {
            // Changes nothing; the invariants say so.
        }
    }

    /** After the day's runs: each instance paid to the day's end by one daily charge, or disabled for a short balance. */
    private void assertEveryInstanceChargedOnceOrDisabled() {
        Map<InstanceId, Long> charges = dailyCharges().stream().collect(Collectors.groupingBy(e -> e.instance().orElseThrow(), Collectors.counting()));
        for (Instance instance : instances) {
            Instance now = billing.instance(instance.account(), instance.id());
            if (now.disableReason().equals(Optional.of(DisableReason.INSUFFICIENT_FUNDS))) {
                assertThat(charges).doesNotContainKey(instance.id());
            } else {
                assertThat(charges.get(instance.id())).as("daily charges of %s", instance.id()).isEqualTo(1L);
                assertThat(now.paidUntil()).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
            }
        }
    }

    private List<LedgerEntry> dailyCharges() {
        return accounts.stream().flatMap(a -> billing.ledger(a.id()).stream()).filter(e -> e.type() == LedgerEntryType.DAILY_CHARGE)
                .toList();
    }

    private void assertInvariants() {
        for (Account account : accounts) {
            BillingInvariantsProperties.assertBalanceIsTheSumOfTheLedger(billing, account);
            BillingInvariantsProperties.assertCoverageNeverOverlaps(billing.ledger(account.id()));
        }
        Map<InstanceId, Long> chargesPerInstance = dailyCharges().stream()
                .collect(Collectors.groupingBy(e -> e.instance().orElseThrow(), Collectors.counting()));
        assertThat(chargesPerInstance.values()).allMatch(count -> count == 1);
    }
}
