package org.dmscloud.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dmscloud.billing.internal.Billing.devices;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.dmscloud.api.account.Account;
import org.dmscloud.api.billing.InsufficientFundsException;
import org.dmscloud.api.billing.LedgerEntry;
import org.dmscloud.api.billing.LedgerEntryType;
import org.dmscloud.api.instance.ActionOptions;
import org.dmscloud.api.instance.Instance;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.instance.InstanceNotFoundException;
import org.dmscloud.api.instance.NewInstance;
import org.dmscloud.api.money.Money;
import org.dmscloud.persistence.testing.TestDatabases;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.Size;

/**
 * The invariants of BILLING-RULES.md after any sequence of customer actions, top-ups, price changes,
 * clock moves and daily runs, on PostgreSQL: balance ≥ 0 and equal to the sum of the ledger, per account,
 * after every step; coverage intervals of an instance never overlap; no instance is charged twice for a day.
 */
class BillingInvariantsProperties {

    /** One step of a customer's life with the platform. */
    interface Step {
        void apply(Billing billing, List<Account> accounts, List<Instance> instances);
    }

    record TopUp(int account, long minor) implements Step {
        public void apply(Billing billing, List<Account> accounts, List<Instance> instances) {
            billing.balances.topUp(accounts.get(account).id(), Money.ofMinor(minor, Billing.EUR), UUID.randomUUID().toString(), "top-up");
        }
    }

    record Create(int account, long devices, boolean enabled) implements Step {
        public void apply(Billing billing, List<Account> accounts, List<Instance> instances) {
            instances.add(billing.instances.create(accounts.get(account).id(), new NewInstance("acs", Billing.devices(devices), enabled),
                    ActionOptions.NONE).instance());
        }
    }

    record Enable(int instance) implements Step {
        public void apply(Billing billing, List<Account> accounts, List<Instance> instances) {
            on(instances, instance, i -> billing.instances.enable(i.account(), i.id(), ActionOptions.NONE));
        }
    }

    record Disable(int instance) implements Step {
        public void apply(Billing billing, List<Account> accounts, List<Instance> instances) {
            on(instances, instance, i -> billing.instances.disable(i.account(), i.id(), ActionOptions.NONE));
        }
    }

    record Change(int instance, long devices, boolean usp) implements Step {
        public void apply(Billing billing, List<Account> accounts, List<Instance> instances) {
            on(instances, instance, i -> billing.instances.changeSettings(i.account(), i.id(),
                    usp ? Billing.devices(devices, "usp") : Billing.devices(devices), ActionOptions.NONE));
        }
    }

    record Delete(int instance) implements Step {
        public void apply(Billing billing, List<Account> accounts, List<Instance> instances) {
            on(instances, instance, i -> billing.instances.delete(i.account(), i.id(), ActionOptions.NONE));
        }
    }

    record Advance(int minutes) implements Step {
        public void apply(Billing billing, List<Account> accounts, List<Instance> instances) {
            billing.clock.advance(Duration.ofMinutes(minutes));
        }
    }

    record RunToday() implements Step {
        public void apply(Billing billing, List<Account> accounts, List<Instance> instances) {
            billing.dailyRun.run(BillingTime.dayOf(billing.clock.instant()));
        }
    }

    record Reprice(long baseMinor) implements Step {
        public void apply(Billing billing, List<Account> accounts, List<Instance> instances) {
            billing.prices.setPackagePrices(baseMinor, 1_20);
        }
    }

    @Property(tries = 25)
    void invariantsHoldAfterEveryStep(@ForAll("lives") @Size(min = 20, max = 60) List<Step> steps) {
        try (Billing billing = new Billing(TestDatabases.postgres(), Instant.parse("2026-11-23T09:17:00Z"))) {
            List<Account> accounts = List.of(billing.account("150.00"), billing.account("40.00"));
            List<Instance> instances = new ArrayList<>();
            for (Step step : steps) {
                apply(billing, accounts, instances, step);
                for (Account account : accounts) {
                    assertBalanceIsTheSumOfTheLedger(billing, account);
                }
            }
            for (Account account : accounts) {
                List<LedgerEntry> ledger = billing.ledger(account.id());
                assertCoverageNeverOverlaps(ledger);
                // So that a reader of the report can see the lives exercised the daily run, not only refusals.
                Statistics.label("daily charges").collect(ledger.stream().anyMatch(e -> e.type() == LedgerEntryType.DAILY_CHARGE));
            }
        }
    }

    @Provide
    Arbitrary<List<Step>> lives() {
        Arbitrary<Integer> anAccount = Arbitraries.integers().between(0, 1);
        Arbitrary<Integer> anInstance = Arbitraries.integers().between(0, 9);
        Arbitrary<Long> someDevices = Arbitraries.longs().between(1, 3_000);
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Combinators.combine(anAccount, Arbitraries.longs().between(1, 100_00)).as(TopUp::new)),
                net.jqwik.api.Tuple.of(3, Combinators.combine(anAccount, someDevices, Arbitraries.of(true, false)).as(Create::new)),
                net.jqwik.api.Tuple.of(2, anInstance.map(Enable::new)),
                net.jqwik.api.Tuple.of(2, anInstance.map(Disable::new)),
                net.jqwik.api.Tuple.of(3, Combinators.combine(anInstance, someDevices, Arbitraries.of(true, false)).as(Change::new)),
                net.jqwik.api.Tuple.of(1, anInstance.map(Delete::new)),
                net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(1, 30 * 60).map(Advance::new)),
                net.jqwik.api.Tuple.of(4, Arbitraries.just(new RunToday())),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(0, 30_00).map(Reprice::new)));
        return step.list();
    }

    private static void apply(Billing billing, List<Account> accounts, List<Instance> instances, Step step) {
        try {
            step.apply(billing, accounts, instances);
        } catch (InsufficientFundsException | InstanceNotFoundException refused) {
            // Refused actions must change nothing, which the invariants check.
        }
    }

    private static void on(List<Instance> instances, int index, java.util.function.Consumer<Instance> action) {
        if (!instances.isEmpty()) {
            action.accept(instances.get(index % instances.size()));
        }
    }

    /** Also: each entry records the balance right after it, which is the sum of the ledger up to it. */
    static void assertBalanceIsTheSumOfTheLedger(Billing billing, Account account) {
        Money balance = billing.balance(account.id());
        Money sum = Money.zero(Billing.EUR);
        for (LedgerEntry entry : billing.ledger(account.id())) {
            sum = sum.plus(entry.amount());
            assertThat(entry.balanceAfter()).as("balance after entry %s", entry.id()).isEqualTo(sum);
        }
        assertThat(balance.isNegative()).as("balance %s never negative", balance).isFalse();
        assertThat(balance).as("balance equals the sum of the ledger").isEqualTo(sum);
    }

    /** Charged coverage (daily and prorated charges) of each instance: intervals that never overlap. */
    static void assertCoverageNeverOverlaps(List<LedgerEntry> ledger) {
        Map<InstanceId, List<LedgerEntry>> coverage = ledger.stream()
                .filter(e -> e.type() == LedgerEntryType.DAILY_CHARGE || e.type() == LedgerEntryType.PRORATED_CHARGE)
                .collect(Collectors.groupingBy(e -> e.instance().orElseThrow()));
        for (List<LedgerEntry> intervals : coverage.values()) {
            List<LedgerEntry> sorted = intervals.stream().sorted(Comparator.comparing(e -> e.periodStart().orElseThrow())).toList();
            for (int i = 1; i < sorted.size(); i++) {
                assertThat(sorted.get(i).periodStart().orElseThrow())
                        .as("coverage %s starts after the previous one ends", sorted.get(i).id())
                        .isAfterOrEqualTo(sorted.get(i - 1).periodEnd().orElseThrow());
            }
            Set<Instant> dailyDays = new HashSet<>();
            for (LedgerEntry entry : intervals) {
                if (entry.type() == LedgerEntryType.DAILY_CHARGE) {
                    assertThat(dailyDays.add(entry.periodStart().orElseThrow())).as("charged once for the day").isTrue();
                }
            }
        }
    }
}
