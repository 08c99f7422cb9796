package org.dmscloud.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dmscloud.billing.internal.Billing.devices;

import java.math.BigInteger;
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
import org.dmscloud.api.billing.Quote;
import org.dmscloud.api.catalog.InstanceConfiguration;
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
                assertEveryAmountCanBeRecomputedFromItsEntry(ledger);
                // So that a reader of the report can see the lives exercised the daily run, not only refusals.
                Statistics.label("daily charges").collect(ledger.stream().anyMatch(e -> e.type() == LedgerEntryType.DAILY_CHARGE));
            }
        }
    }

    /**
     * The rounding attack, through the services as a client would do it: changes of devices and
     * options, each with its quote, some at the same second and some later, ending at the starting settings.
     * The balance never ends above where the exact, unrounded amounts would leave it; with no time passing,
     * never above where it started.
     */
    @Property(tries = 30)
    void aCycleOfSettingsChangesNeverRaisesTheBalanceBeyondTheCoverageGivenUp(
            @ForAll("changes") @Size(min = 1, max = 25) List<Change> changes, @ForAll boolean clockStands,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 600) int secondsBetween, @ForAll("devices") long startDevices) {
        try (Billing billing = new Billing(TestDatabases.h2(), Instant.parse("2026-11-23T09:17:00Z"))) {
            Account account = billing.account("10000.00");
            Instance instance = billing.create(account.id(), startDevices);
            Money before = billing.balance(account.id());
            List<Change> cycle = new ArrayList<>(changes);
            cycle.add(new Change(0, startDevices, false));
            for (Change change : cycle) {
                if (!clockStands) {
                    billing.clock.advance(Duration.ofSeconds(secondsBetween));
                }
                InstanceConfiguration settings = change.usp() ? Billing.devices(change.devices(), "usp") : Billing.devices(change.devices());
                Quote quote = billing.quotes.quoteChangeSettings(account.id(), instance.id(), settings);
                billing.instances.changeSettings(account.id(), instance.id(), settings, ActionOptions.NONE.withQuote(quote.id()));
            }
            List<LedgerEntry> entries = billing.ledger(account.id()).stream()
                    .filter(e -> e.type() == LedgerEntryType.SETTINGS_CHANGE_CHARGE || e.type() == LedgerEntryType.CREDIT).toList();
            Money net = billing.balance(account.id()).minus(before);
            BigInteger exactTimesDay = BigInteger.ZERO;
            for (LedgerEntry entry : entries) {
                exactTimesDay = exactTimesDay.add(exactTimesDay(entry));
            }

            assertThat(BigInteger.valueOf(net.minorUnits()).multiply(BigInteger.valueOf(Proration.SECONDS_PER_DAY)))
                    .as("net %s against the exact amounts", net).isLessThanOrEqualTo(exactTimesDay);
            if (clockStands) {
                assertThat(net.isPositive()).as("net %s of a cycle at one instant", net).isFalse();
            }
            assertEveryAmountCanBeRecomputedFromItsEntry(billing.ledger(account.id()));
        }
    }

    @Provide
    Arbitrary<List<Change>> changes() {
        return Combinators.combine(Arbitraries.just(0), devices(), Arbitraries.of(true, false)).as(Change::new).list();
    }

    @Provide
    Arbitrary<Long> devices() {
        return Arbitraries.longs().between(1, 3_000);
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

    /**
     * Every entry about an instance carries a whole-second period and the rate it was computed from, and its
     * amount is that rate prorated over that period, rounded once against the customer: charges up, credits down.
     */
    static void assertEveryAmountCanBeRecomputedFromItsEntry(List<LedgerEntry> ledger) {
        for (LedgerEntry entry : ledger) {
            if (entry.instance().isEmpty()) {
                continue;
            }
            Instant start = entry.periodStart().orElseThrow();
            Instant end = entry.periodEnd().orElseThrow();
            assertThat(start.getNano()).as("entry %s starts on a whole second", entry.id()).isZero();
            assertThat(end.getNano()).as("entry %s ends on a whole second", entry.id()).isZero();
            long rate = entry.rate().orElseThrow().minorUnits();
            long seconds = Duration.between(start, end).getSeconds();
            long day = Proration.SECONDS_PER_DAY;
            long recomputed = entry.amount().isNegative() ? -((rate * seconds + day - 1) / day) : Math.floorDiv(rate * seconds, day);
            assertThat(entry.amount().minorUnits()).as("entry %s recomputed from %s over %s s", entry.id(), entry.rate().get(), seconds)
                    .isEqualTo(recomputed);
        }
    }

    /** An entry's exact amount, unrounded, times the seconds of a day. */
    private static BigInteger exactTimesDay(LedgerEntry entry) {
        long seconds = Duration.between(entry.periodStart().orElseThrow(), entry.periodEnd().orElseThrow()).getSeconds();
        BigInteger exact = BigInteger.valueOf(entry.rate().orElseThrow().minorUnits()).multiply(BigInteger.valueOf(seconds));
        return entry.amount().isNegative() ? exact.negate() : exact;
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
