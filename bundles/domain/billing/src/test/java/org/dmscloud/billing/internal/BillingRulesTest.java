package org.dmscloud.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dmscloud.billing.internal.Billing.devices;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.dmscloud.api.account.Account;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.billing.BillingEvents;
import org.dmscloud.api.billing.Coverage;
import org.dmscloud.api.billing.BillingRun;
import org.dmscloud.api.billing.IdempotencyKeyReusedException;
import org.dmscloud.api.billing.InsufficientFundsException;
import org.dmscloud.api.billing.LedgerEntry;
import org.dmscloud.api.billing.LedgerEntryType;
import org.dmscloud.api.billing.Quote;
import org.dmscloud.api.billing.QuoteMismatchException;
import org.dmscloud.api.billing.RunPreview;
import org.dmscloud.api.catalog.ItemNotOnSaleException;
import org.dmscloud.api.catalog.PricingUnavailableException;
import org.dmscloud.api.instance.ActionOptions;
import org.dmscloud.api.instance.DisableReason;
import org.dmscloud.api.instance.Instance;
import org.dmscloud.api.instance.InstanceChange;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.instance.InstanceNotFoundException;
import org.dmscloud.api.instance.InstanceState;
import org.dmscloud.api.instance.NewInstance;
import org.dmscloud.api.money.Money;
import org.dmscloud.billing.internal.store.NewLedgerEntry;
import org.dmscloud.spi.instance.InstanceEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One test per rule of BILLING-RULES.md (and then some), named after it, against the production store.
 * Each subclass brings a real database; every test gets an empty one.
 */
abstract class BillingRulesTest {

    /** Monday 23 November 2026, 10:00 UTC. */
    private static final Instant MONDAY_10 = Instant.parse("2026-11-23T10:00:00Z");

    Billing billing;

    protected abstract DataSource newDatabase();

    @BeforeEach
    void start() {
        billing = new Billing(newDatabase(), MONDAY_10);
    }

    @AfterEach
    void stop() {
        billing.close();
    }

    // R1 ---------------------------------------------------------------------------------------------

    @Test
    void rule_R1_dailyRunChargesAnEnabledInstanceTheFullRateForTheDay() {
        Account account = billing.account("100.00");
        Instance instance = billing.create(account.id(), 1_000); // 24.00/day, paid to Tuesday 00:00
        billing.clock.set("2026-11-24T00:05:00Z");

        BillingRun run = billing.run("2026-11-24");

        assertThat(run.charged()).isEqualTo(1);
        assertThat(run.totalCharged()).containsExactly(Money.of("24.00", "EUR"));
        Instance charged = billing.instance(account.id(), instance.id());
        assertThat(charged.paidUntil()).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
        assertThat(charged.paidRate()).isEqualTo(Money.of("24.00", "EUR"));
        LedgerEntry entry = last(billing.ledger(account.id()));
        assertThat(entry.type()).isEqualTo(LedgerEntryType.DAILY_CHARGE);
        assertThat(entry.amount()).isEqualTo(Money.of("-24.00", "EUR"));
        assertThat(entry.periodStart()).contains(Instant.parse("2026-11-24T00:00:00Z"));
        assertThat(entry.periodEnd()).contains(Instant.parse("2026-11-25T00:00:00Z"));
        assertThat(entry.breakdown()).hasSize(2);
        assertThat(billing.balance(account.id())).isEqualTo(Money.of("100.00", "EUR").minus(Money.of("14.00", "EUR")).minus(Money.of("24.00", "EUR")));
        assertThat(billing.events(BillingEvents.TOPIC_CHARGED)).hasSize(2);
    }

    @Test
    void rule_R1_coverageCountsTheDailyRunsTheBalancePaysInFullAndTheRunsAgree() {
        Account account = billing.account("100.00");
        assertThat(billing.coverage.coverage(account.id()).days()).as("nothing is charged daily").isEmpty();
        Instance instance = billing.create(account.id(), 1_000); // 24.00/day, 14.00 now: 86.00 left
        billing.createDisabled(account.id(), 5_000);

        Coverage coverage = billing.coverage.coverage(account.id());

        assertThat(coverage.dailyTotal()).isEqualTo(Money.of("24.00", "EUR"));
        assertThat(coverage.enabledInstances()).isEqualTo(1);
        assertThat(coverage.days()).hasValue(3); // 86.00 / 24.00, whole runs only
        assertThat(coverage.fundedUntil()).contains(instance.paidUntil().plus(Duration.ofDays(3)));
        for (int day = 0; day < 3; day++) {
            LocalDate runDay = BillingTime.dayOf(instance.paidUntil()).plusDays(day);
            billing.clock.set(BillingTime.start(runDay).plusSeconds(300).toString());
            assertThat(billing.run(runDay.toString()).charged()).as(runDay.toString()).isEqualTo(1);
        }
        LocalDate lastDay = BillingTime.dayOf(coverage.fundedUntil().orElseThrow());
        billing.clock.set(BillingTime.start(lastDay).plusSeconds(300).toString());
        assertThat(billing.coverage.coverage(account.id()).days()).hasValue(0);
        assertThat(billing.run(lastDay.toString()).disabled()).isEqualTo(1);
    }

    @Test
    void rule_R1_dailyRunChargesEachInstanceTheRateOfItsOwnTenant() {
        TenantId acme = billing.reseller("acme");
        billing.prices.setTenantBasePrice(acme, 20_00); // Acme sells the package's base at 20.00 instead of 12.00
        Account platforms = billing.account("100.00");
        Account acmes = billing.account(acme, "100.00");
        billing.create(platforms.id(), 1_000);
        billing.create(acmes.id(), 1_000);
        Money platformsAfterCreate = billing.balance(platforms.id());
        Money acmesAfterCreate = billing.balance(acmes.id());
        billing.clock.set("2026-11-24T00:05:00Z");

        BillingRun run = billing.run("2026-11-24");

        assertThat(run.charged()).isEqualTo(2);
        assertThat(billing.balance(platforms.id())).isEqualTo(platformsAfterCreate.minus(Money.of("24.00", "EUR")));
        assertThat(billing.balance(acmes.id())).isEqualTo(acmesAfterCreate.minus(Money.of("32.00", "EUR")));
        assertThat(last(billing.ledger(acmes.id())).rate()).contains(Money.of("32.00", "EUR"));
    }

    @Test
    void rule_R1_dailyRunLeavesADisabledInstanceAndTheBalanceAlone() {
        Account account = billing.account("100.00");
        Instance instance = billing.createDisabled(account.id(), 1_000);
        billing.clock.set("2026-11-24T00:05:00Z");

        BillingRun run = billing.run("2026-11-24");

        assertThat(run.charged()).isZero();
        assertThat(billing.instance(account.id(), instance.id()).state()).isEqualTo(InstanceState.DISABLED);
        assertThat(billing.balance(account.id())).isEqualTo(Money.of("100.00", "EUR"));
    }

    @Test
    void rule_R1_dailyRunLeavesAnInstanceAlreadyPaidToTheDaysEnd() {
        Account account = billing.account("100.00");
        billing.clock.set("2026-11-24T08:00:00Z");
        billing.create(account.id(), 1_000); // paid to Wednesday 00:00 at creation
        Money afterCreate = billing.balance(account.id());

        BillingRun run = billing.run("2026-11-24");

        assertThat(run.charged()).isZero();
        assertThat(billing.balance(account.id())).isEqualTo(afterCreate);
    }

    @Test
    void rule_R1_aShortBalanceDisablesTheInstanceLeavesTheBalanceAndTellsTheCustomer() {
        Account account = billing.account("20.00");
        String owner = billing.user(account);
        Instance instance = billing.create(account.id(), 1_000); // 14.00 to midnight, 6.00 left
        billing.clock.set("2026-11-24T00:05:00Z");

        BillingRun run = billing.run("2026-11-24");

        assertThat(run.disabled()).isEqualTo(1);
        Instance disabled = billing.instance(account.id(), instance.id());
        assertThat(disabled.state()).isEqualTo(InstanceState.DISABLED);
        assertThat(disabled.disableReason()).contains(DisableReason.INSUFFICIENT_FUNDS);
        assertThat(disabled.paidUntil()).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
        assertThat(billing.balance(account.id())).isEqualTo(Money.of("6.00", "EUR"));
        assertThat(billing.events(BillingEvents.TOPIC_INSTANCE_DISABLED)).singleElement()
                .satisfies(event -> assertThat(Billing.properties(event)).containsEntry(BillingEvents.INSTANCE, instance.id().toString())
                        .containsEntry(BillingEvents.AMOUNT_MINOR, 2_400L).containsEntry(BillingEvents.BALANCE_MINOR, 600L));
        assertThat(billing.mailTo(owner)).extracting(m -> m.kind()).containsExactly("instance-disabled");
        assertThat(billing.mailTo(owner).get(0).body()).contains("24.00 EUR").contains("6.00 EUR").contains("'acs'");
    }

    @Test
    void rule_R1_theOldestInstanceIsBilledFirst() {
        Account account = billing.account("60.00");
        Instance older = billing.create(account.id(), 1_000); // 14.00
        billing.clock.advance(Duration.ofMinutes(1));
        Instance newer = billing.create(account.id(), 1_000); // 13.99; 32.01 left pays one day of 24.00, not two
        billing.clock.set("2026-11-24T00:05:00Z");

        billing.run("2026-11-24");

        assertThat(billing.instance(account.id(), older.id()).state()).isEqualTo(InstanceState.ENABLED);
        assertThat(billing.instance(account.id(), newer.id()).state()).isEqualTo(InstanceState.DISABLED);
    }

    @Test
    void rule_R1_anInstanceThatCannotBePricedIsReportedAndTheRunGoesOn() {
        Account account = billing.account("100.00");
        Instance withdrawn = billing.instances.create(account.id(), new NewInstance("acs", devices(1_000, "firmware"), true),
                ActionOptions.NONE).instance();
        Instance fine = billing.create(account.id(), 1_000);
        billing.prices.breakOption("firmware");
        billing.clock.set("2026-11-24T00:05:00Z");

        BillingRun run = billing.run("2026-11-24");

        assertThat(run.failed()).isEqualTo(1);
        assertThat(run.charged()).isEqualTo(1);
        Map<InstanceId, String> failures = billing.store.inTransaction(tx -> tx.billingRuns().failures(run.id()));
        assertThat(failures).containsOnlyKeys(withdrawn.id())
                .containsValue("'firmware' cannot be priced right now. Nothing was done; please try again in a few minutes.");
        assertThat(billing.instance(account.id(), fine.id()).paidUntil()).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
        Instance unbilled = billing.instance(account.id(), withdrawn.id());
        assertThat(unbilled.state()).isEqualTo(InstanceState.ENABLED);
        assertThat(unbilled.paidUntil()).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
    }

    @Test
    void rule_R1_pricingThatThrowsAnErrorFailsOnlyTheInstancesThatNeedItAndTheRunCompletes() {
        Account account = billing.account("100.00");
        Instance crashing = billing.instances.create(account.id(), new NewInstance("acs", devices(1_000, "usp"), true),
                ActionOptions.NONE).instance();
        Instance fine = billing.create(account.id(), 1_000);
        billing.prices.crashOption("usp");
        billing.clock.set("2026-11-24T00:05:00Z");

        BillingRun run = billing.run("2026-11-24");

        assertThat(run.status()).isEqualTo(BillingRun.Status.COMPLETED);
        assertThat(List.of(run.charged(), run.failed())).containsExactly(1L, 1L);
        Map<InstanceId, String> failures = billing.store.inTransaction(tx -> tx.billingRuns().failures(run.id()));
        assertThat(failures).containsOnlyKeys(crashing.id());
        assertThat(billing.instance(account.id(), fine.id()).paidUntil()).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
        assertThat(billing.instance(account.id(), crashing.id()).state()).isEqualTo(InstanceState.ENABLED);
    }

    @Test
    void rule_R2_whatARunCouldNotBillTheDaysNextRunBillsOnceAndTheOperatorsHearOfBoth() {
        Account account = billing.account("100.00");
        Instance unpriced = billing.instances.create(account.id(), new NewInstance("acs", devices(1_000, "firmware"), true),
                ActionOptions.NONE).instance();
        billing.create(account.id(), 1_000);
        RecordingOperatorMail operators = new RecordingOperatorMail();
        billing.dailyRun.operatorMail = operators;
        billing.prices.breakOption("firmware");
        billing.clock.set("2026-11-24T00:05:00Z");

        BillingRun first = billing.run("2026-11-24");
        billing.clock.set("2026-11-24T00:20:00Z");
        BillingRun stillBroken = billing.run("2026-11-24");
        billing.prices.repairOption("firmware");
        billing.clock.set("2026-11-24T00:35:00Z");
        BillingRun retry = billing.run("2026-11-24");
        BillingRun after = billing.run("2026-11-24");

        assertThat(List.of(first.charged(), first.failed(), stillBroken.failed(), retry.charged(), retry.failed(), after.charged()))
                .containsExactly(1L, 1L, 1L, 1L, 0L, 0L);
        assertThat(billing.instance(account.id(), unpriced.id()).paidUntil()).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
        assertThat(billing.ledger(account.id())).filteredOn(e -> e.type() == LedgerEntryType.DAILY_CHARGE)
                .filteredOn(e -> e.instance().equals(Optional.of(unpriced.id()))).singleElement()
                .satisfies(e -> assertThat(e.amount()).isEqualTo(Money.of("-27.00", "EUR")));
        assertThat(operators.subjects).as("once when the day could not be billed in full, not at every retry, and once when it is")
                .containsExactly("Daily run of 2026-11-24: 1 instance(s) could not be billed", "Daily run of 2026-11-24: every instance is billed now");
        assertThat(operators.bodies.get(0)).contains(unpriced.id().toString(), "'firmware' cannot be priced right now");
    }

    /** The job runner survives what a check throws (JobRunnerTest); a check that threw leaves nothing that stops the next one. */
    @Test
    void rule_R1_aRunThatThrowsAnErrorDoesNotStopTheScheduledChecks() {
        java.util.concurrent.atomic.AtomicInteger started = new java.util.concurrent.atomic.AtomicInteger();
        org.dmscloud.api.billing.DailyRunService crashing = new org.dmscloud.api.billing.DailyRunService() {
            @Override
            public BillingRun run(LocalDate day) {
                started.incrementAndGet();
                throw new NoClassDefFoundError("org/example/pricing/Tariff");
            }

            @Override
            public RunPreview preview(LocalDate day, int listLimit) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<BillingRun> history(int limit) {
                throw new UnsupportedOperationException();
            }
        };
        DailyRunScheduler scheduler = new DailyRunScheduler(crashing, billing.store, billing.clock,
                org.dmscloud.persistence.testing.Configurations.of(DailyRunConfiguration.class, Map.of("scheduled", false)));
        billing.clock.set("2026-11-24T00:05:00Z");
        assertThatThrownBy(scheduler::run).as("what the run threw, for the job runner to count").isInstanceOf(Error.class);
        assertThatThrownBy(scheduler::run).isInstanceOf(Error.class);

        assertThat(started).as("each check started the day's run again").hasValue(2);
    }

    /** The operators' mail as the mail bundle would queue it: here only what they were told. */
    private static final class RecordingOperatorMail implements org.dmscloud.api.mail.OperatorMail {

        final List<String> subjects = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<String> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void notifyOperators(String kind, String subject, String body) {
            subjects.add(subject);
            bodies.add(body);
        }

        @Override
        public void notifyTenant(org.dmscloud.api.account.TenantId tenant, String kind, String subject, String body) {
            throw new AssertionError("the daily run tells the platform's operators, not a tenant");
        }
    }

    @Test
    void rule_R1_anInstanceTheDatabaseRefusesFailsAloneAndTheRunGoesOn() {
        Account account = billing.account("100.00");
        Instance broken = billing.create(account.id(), 1_000);
        Instance fine = billing.create(account.id(), 1_000);
        // A stray entry holding the day's key of one instance makes its charge violate the unique key.
        billing.store.inTransaction(tx -> tx.ledger().append(new NewLedgerEntry(account.id(), LedgerEntryType.ADMIN_ADJUSTMENT,
                Money.of("1.00", "EUR"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), "stray",
                "daily/" + broken.id() + "/2026-11-24", MONDAY_10)));
        billing.clock.set("2026-11-24T00:05:00Z");

        BillingRun run = billing.run("2026-11-24");

        assertThat(run.status()).isEqualTo(BillingRun.Status.COMPLETED);
        assertThat(run.failed()).isEqualTo(1);
        assertThat(run.charged()).isEqualTo(1);
        assertThat(billing.instance(account.id(), fine.id()).paidUntil()).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
        assertThat(billing.instance(account.id(), broken.id()).paidUntil()).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
    }

    // R2 ---------------------------------------------------------------------------------------------

    @Test
    void rule_R2_runningTheSameDayAgainChargesNobodyTwice() {
        Account account = billing.account("100.00");
        billing.create(account.id(), 1_000);
        billing.clock.set("2026-11-24T00:05:00Z");
        billing.run("2026-11-24");
        Money afterFirst = billing.balance(account.id());

        BillingRun again = billing.run("2026-11-24");

        assertThat(again.charged()).isZero();
        assertThat(billing.balance(account.id())).isEqualTo(afterFirst);
        assertThat(billing.ledger(account.id())).filteredOn(e -> e.type() == LedgerEntryType.DAILY_CHARGE).hasSize(1);
    }

    @Test
    void rule_R2_aDayThePlatformWasDownIsNotBilledRetroactively() {
        Account account = billing.account("100.00");
        Instance instance = billing.create(account.id(), 1_000); // paid to Tuesday 00:00
        // No run on Tuesday; Wednesday's run bills Wednesday only.
        billing.clock.set("2026-11-25T00:05:00Z");

        billing.run("2026-11-25");

        List<LedgerEntry> daily = billing.ledger(account.id()).stream().filter(e -> e.type() == LedgerEntryType.DAILY_CHARGE).toList();
        assertThat(daily).singleElement().satisfies(e -> assertThat(e.periodStart()).contains(Instant.parse("2026-11-25T00:00:00Z")));
        assertThat(billing.instance(account.id(), instance.id()).paidUntil()).isEqualTo(Instant.parse("2026-11-26T00:00:00Z"));
    }

    @Test
    void rule_R2_aDayAfterTodayCannotBeRun() {
        assertThatThrownBy(() -> billing.run("2026-11-24")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("after today");
    }

    @Test
    void rule_R2_theDryRunForeseesExactlyWhatTheRunThenDoesAndChangesNothing() {
        try (Billing oneByOne = new Billing(newDatabase(), MONDAY_10, 1)) {
            Account rich = oneByOne.account("100.00");
            Instance richFirst = oneByOne.create(rich.id(), 1_000);   // 14.00 for the rest of Monday, 24.00 a day
            Instance richSecond = oneByOne.create(rich.id(), 1_000);
            Account tight = oneByOne.account("52.00");
            Instance tightFirst = oneByOne.create(tight.id(), 1_000);  // 24.00 left: one more day for one instance
            Instance tightSecond = oneByOne.create(tight.id(), 1_000);
            oneByOne.clock.set("2026-11-24T00:05:00Z");
            Money richBefore = oneByOne.balance(rich.id());
            Money tightBefore = oneByOne.balance(tight.id());

            RunPreview preview = oneByOne.dailyRun.preview(LocalDate.parse("2026-11-24"), 100);

            assertThat(preview.charges()).isEqualTo(3);
            assertThat(preview.disables()).isEqualTo(1);
            assertThat(preview.totalCharged()).containsExactly(Money.of("72.00", "EUR"));
            // Both of the tight account's instances were created at the same instant: run order (then by id) decides.
            RunPreview.Item foreseen = preview.items().stream().filter(i -> i.outcome() == RunPreview.Outcome.DISABLE).findFirst().orElseThrow();
            assertThat(foreseen.instance()).isIn(tightFirst.id(), tightSecond.id());
            assertThat(foreseen.balance()).isEqualTo(Money.of("0.00", "EUR"));
            assertThat(foreseen.rate()).isEqualTo(Money.of("24.00", "EUR"));
            InstanceId keptOn = foreseen.instance().equals(tightFirst.id()) ? tightSecond.id() : tightFirst.id();
            assertThat(oneByOne.balance(rich.id())).isEqualTo(richBefore);
            assertThat(oneByOne.balance(tight.id())).isEqualTo(tightBefore);
            assertThat(oneByOne.instance(tight.id(), foreseen.instance()).state()).isEqualTo(InstanceState.ENABLED);
            assertThat(oneByOne.dailyRun.history(10)).isEmpty();

            BillingRun run = oneByOne.run("2026-11-24");

            assertThat(run.charged()).isEqualTo(preview.charges());
            assertThat(run.disabled()).isEqualTo(preview.disables());
            assertThat(run.totalCharged()).isEqualTo(preview.totalCharged());
            assertThat(preview.items()).filteredOn(i -> i.outcome() == RunPreview.Outcome.CHARGE).extracting(RunPreview.Item::instance)
                    .containsExactlyInAnyOrder(richFirst.id(), richSecond.id(), keptOn);
            assertThat(oneByOne.instance(tight.id(), foreseen.instance()).state()).isEqualTo(InstanceState.DISABLED);
            assertThat(oneByOne.instance(tight.id(), keptOn).state()).isEqualTo(InstanceState.ENABLED);
            assertThat(oneByOne.dailyRun.preview(LocalDate.parse("2026-11-24"), 100).charges()).isZero();
        }
    }

    @Test
    void rule_R2_aDryRunOfADayAfterTodayIsRefused() {
        assertThatThrownBy(() -> billing.dailyRun.preview(LocalDate.parse("2026-11-24"), 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("after today");
    }

    // R3, R4, R5 --------------------------------------------------------------------------------------

    @Test
    void rule_R3_disableIsFreeRefundsNothingAndKeepsTheCoverage() {
        Account account = billing.account("100.00");
        Instance instance = billing.create(account.id(), 1_000);
        Money before = billing.balance(account.id());
        billing.clock.set("2026-11-23T15:00:00Z");

        InstanceChange change = billing.instances.disable(account.id(), instance.id(), ActionOptions.NONE);

        assertThat(change.ledgerEntry()).isEmpty();
        assertThat(change.instance().state()).isEqualTo(InstanceState.DISABLED);
        assertThat(change.instance().disableReason()).contains(DisableReason.CUSTOMER);
        assertThat(change.instance().paidUntil()).isEqualTo(instance.paidUntil());
        assertThat(billing.balance(account.id())).isEqualTo(before);
    }

    @Test
    void rule_R4_enableInsidePaidCoverageIsFree() {
        Account account = billing.account("100.00");
        Instance instance = billing.create(account.id(), 1_000);
        billing.instances.disable(account.id(), instance.id(), ActionOptions.NONE);
        Money before = billing.balance(account.id());
        billing.clock.set("2026-11-23T23:59:59Z");

        InstanceChange change = billing.instances.enable(account.id(), instance.id(), ActionOptions.NONE);

        assertThat(change.ledgerEntry()).isEmpty();
        assertThat(change.instance().state()).isEqualTo(InstanceState.ENABLED);
        assertThat(billing.balance(account.id())).isEqualTo(before);
    }

    @Test
    void rule_R4_enableInsidePaidCoverageIsFreeEvenWhileAPricingPluginFails() {
        Account account = billing.account("100.00");
        Instance instance = billing.instances.create(account.id(), new NewInstance("acs", devices(1_000, "usp"), true),
                ActionOptions.NONE).instance();
        billing.instances.disable(account.id(), instance.id(), ActionOptions.NONE);
        billing.prices.breakOption("usp");
        Money before = billing.balance(account.id());

        InstanceChange change = billing.instances.enable(account.id(), instance.id(), ActionOptions.NONE);

        assertThat(change.ledgerEntry()).isEmpty();
        assertThat(change.instance().state()).isEqualTo(InstanceState.ENABLED);
        assertThat(billing.balance(account.id())).isEqualTo(before);
    }

    @Test
    void rule_R5_enableAfterLapseIsRefusedWhileAPricingPluginFailsAndNothingChanges() {
        Account account = billing.account("100.00");
        Instance instance = billing.instances.create(account.id(), new NewInstance("acs", devices(1_000, "usp"), true),
                ActionOptions.NONE).instance();
        billing.instances.disable(account.id(), instance.id(), ActionOptions.NONE);
        billing.prices.breakOption("usp");
        billing.clock.set("2026-11-25T08:00:00Z");
        Money before = billing.balance(account.id());

        assertThatThrownBy(() -> billing.instances.enable(account.id(), instance.id(), ActionOptions.NONE))
                .isInstanceOfSatisfying(PricingUnavailableException.class, e -> assertThat(e.item()).isEqualTo("usp"));
        assertThat(billing.instance(account.id(), instance.id()).state()).isEqualTo(InstanceState.DISABLED);
        assertThat(billing.balance(account.id())).isEqualTo(before);
    }

    @Test
    void rule_R5_enableAfterLapseChargesToMidnight() {
        Account account = billing.account("100.00");
        Instance instance = billing.createDisabled(account.id(), 1_000);
        billing.clock.set("2026-11-24T18:00:00Z");

        InstanceChange change = billing.instances.enable(account.id(), instance.id(), ActionOptions.NONE);

        LedgerEntry entry = change.ledgerEntry().orElseThrow();
        assertThat(entry.type()).isEqualTo(LedgerEntryType.PRORATED_CHARGE);
        assertThat(entry.amount()).isEqualTo(Money.of("-6.00", "EUR")); // 24.00 × 6/24
        assertThat(entry.periodStart()).contains(Instant.parse("2026-11-24T18:00:00Z"));
        assertThat(entry.periodEnd()).contains(Instant.parse("2026-11-25T00:00:00Z"));
        assertThat(change.instance().paidUntil()).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
        assertThat(change.instance().paidRate()).isEqualTo(Money.of("24.00", "EUR"));
    }

    @Test
    void rule_R5_aProratedChargeIsRoundedUpToTheNextMinorUnit() {
        Account account = billing.account("100.00");
        Instance instance = billing.createDisabled(account.id(), 1_000);
        billing.clock.set("2026-11-24T22:59:59Z");

        InstanceChange change = billing.instances.enable(account.id(), instance.id(), ActionOptions.NONE);

        // 24.00 × 3,601 s / 86,400 s = 1.000277…: 1.01, not 1.00
        assertThat(change.ledgerEntry().orElseThrow().amount()).isEqualTo(Money.of("-1.01", "EUR"));
    }

    @Test
    void rule_R5_anActionIsBilledAtItsInstantTruncatedToTheWholeSecond() {
        Account account = billing.account("100.00");
        Instance instance = billing.createDisabled(account.id(), 1_000);
        billing.clock.set("2026-11-24T18:00:00.999999Z");

        Quote quote = billing.quotes.quoteEnable(account.id(), instance.id());
        InstanceChange change = billing.instances.enable(account.id(), instance.id(), ActionOptions.NONE.withQuote(quote.id()));

        LedgerEntry entry = change.ledgerEntry().orElseThrow();
        assertThat(quote.periodStart()).contains(Instant.parse("2026-11-24T18:00:00Z"));
        assertThat(entry.periodStart()).contains(Instant.parse("2026-11-24T18:00:00Z"));
        assertThat(entry.amount()).isEqualTo(Money.of("-6.00", "EUR")).isEqualTo(quote.amount());
        assertThat(entry.createdAt().getNano()).isZero();
    }

    @Test
    void rule_R5_enableWithTooLittleBalanceIsRefusedAndChangesNothing() {
        Account account = billing.account("5.99");
        Instance instance = billing.createDisabled(account.id(), 1_000);
        billing.clock.set("2026-11-24T18:00:00Z");

        assertThatThrownBy(() -> billing.instances.enable(account.id(), instance.id(), ActionOptions.NONE))
                .isInstanceOfSatisfying(InsufficientFundsException.class, e -> {
                    assertThat(e.needed()).isEqualTo(Money.of("6.00", "EUR"));
                    assertThat(e.balance()).isEqualTo(Money.of("5.99", "EUR"));
                });
        assertThat(billing.instance(account.id(), instance.id())).isEqualTo(instance);
        assertThat(billing.balance(account.id())).isEqualTo(Money.of("5.99", "EUR"));
    }

    // R6 ---------------------------------------------------------------------------------------------

    @Test
    void rule_R6_createChargesTheProratedRateToTheNextBoundary() {
        Account account = billing.account("100.00");

        InstanceChange change = billing.instances.create(account.id(), new NewInstance("acs", devices(1_000), true), ActionOptions.NONE);

        assertThat(change.ledgerEntry().orElseThrow().amount()).isEqualTo(Money.of("-14.00", "EUR")); // 24.00 × 14/24
        assertThat(change.instance().state()).isEqualTo(InstanceState.ENABLED);
        assertThat(change.instance().paidUntil()).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
        assertThat(billing.balance(account.id())).isEqualTo(Money.of("86.00", "EUR"));
    }

    @Test
    void rule_R6_createDisabledIsFree() {
        Account account = billing.account("0");

        InstanceChange change = billing.instances.create(account.id(), new NewInstance("acs", devices(1_000), false), ActionOptions.NONE);

        assertThat(change.ledgerEntry()).isEmpty();
        assertThat(change.instance().state()).isEqualTo(InstanceState.DISABLED);
        assertThat(change.instance().isPaidAt(MONDAY_10)).isFalse();
    }

    @Test
    void rule_R6_createWithTooLittleBalanceIsRefusedAndStoresNothing() {
        Account account = billing.account("13.99");

        assertThatThrownBy(() -> billing.instances.create(account.id(), new NewInstance("acs", devices(1_000), true), ActionOptions.NONE))
                .isInstanceOf(InsufficientFundsException.class);
        assertThat(billing.instances.list(account.id())).isEmpty();
        assertThat(billing.balance(account.id())).isEqualTo(Money.of("13.99", "EUR"));
    }

    // R7, R8 -----------------------------------------------------------------------------------------

    @Test
    void rule_R7_anUpgradeChargesTheRateDifferenceForTheRestOfTheCoverage() {
        Account account = billing.account("100.00");
        Instance instance = billing.create(account.id(), 1_000);
        billing.clock.set("2026-11-23T18:00:00Z");

        InstanceChange change = billing.instances.changeSettings(account.id(), instance.id(), devices(2_000), ActionOptions.NONE);

        LedgerEntry entry = change.ledgerEntry().orElseThrow();
        assertThat(entry.type()).isEqualTo(LedgerEntryType.SETTINGS_CHANGE_CHARGE);
        assertThat(entry.amount()).isEqualTo(Money.of("-3.00", "EUR")); // (36 − 24) × 6/24
        assertThat(entry.rate()).contains(Money.of("12.00", "EUR"));
        assertThat(change.instance().paidRate()).isEqualTo(Money.of("36.00", "EUR"));
        assertThat(change.instance().paidUntil()).isEqualTo(instance.paidUntil());
        assertThat(change.instance().configuration()).isEqualTo(devices(2_000));
    }

    @Test
    void rule_R7_anUpgradeWithTooLittleBalanceIsRefusedAndChangesNothing() {
        Account account = billing.account("16.99"); // 14.00 for the creation, 2.99 left, 3.00 needed
        Instance instance = billing.create(account.id(), 1_000);
        billing.clock.set("2026-11-23T18:00:00Z");

        assertThatThrownBy(() -> billing.instances.changeSettings(account.id(), instance.id(), devices(2_000), ActionOptions.NONE))
                .isInstanceOf(InsufficientFundsException.class);
        assertThat(billing.instance(account.id(), instance.id())).isEqualTo(instance);
        assertThat(billing.balance(account.id())).isEqualTo(Money.of("2.99", "EUR"));
    }

    @Test
    void rule_R7_aChangeOutsideTheCoverageIsFree() {
        Account account = billing.account("100.00");
        Instance instance = billing.createDisabled(account.id(), 1_000);

        InstanceChange change = billing.instances.changeSettings(account.id(), instance.id(), devices(2_000), ActionOptions.NONE);

        assertThat(change.ledgerEntry()).isEmpty();
        assertThat(change.instance().configuration()).isEqualTo(devices(2_000));
        assertThat(billing.balance(account.id())).isEqualTo(Money.of("100.00", "EUR"));
    }

    @Test
    void rule_R8_aDowngradeCreditsTheRateDifferenceForTheRestOfTheCoverage() {
        Account account = billing.account("100.00");
        Instance instance = billing.instances.create(account.id(), new NewInstance("acs", devices(2_000), true), ActionOptions.NONE).instance();
        billing.clock.set("2026-11-23T21:00:00Z");

        InstanceChange change = billing.instances.changeSettings(account.id(), instance.id(), devices(1_000), ActionOptions.NONE);

        LedgerEntry entry = change.ledgerEntry().orElseThrow();
        assertThat(entry.type()).isEqualTo(LedgerEntryType.CREDIT);
        assertThat(entry.amount()).isEqualTo(Money.of("1.50", "EUR")); // (36 − 24) × 3/24
        assertThat(change.instance().paidRate()).isEqualTo(Money.of("24.00", "EUR"));
    }

    @Test
    void rule_R8_aCreditIsRoundedDownToTheMinorUnitBelow() {
        Account account = billing.account("100.00");
        Instance instance = billing.instances.create(account.id(), new NewInstance("acs", devices(2_000), true), ActionOptions.NONE).instance();
        billing.clock.set("2026-11-23T21:57:23Z");

        InstanceChange change = billing.instances.changeSettings(account.id(), instance.id(), devices(1_000), ActionOptions.NONE);

        // (36 − 24) × 7,357 s / 86,400 s = 1.02180…: 1.02 back
        assertThat(change.ledgerEntry().orElseThrow().amount()).isEqualTo(Money.of("1.02", "EUR"));
    }

    @Test
    void rule_R7_R8_anUpgradeAndItsReverseAtOneInstantNeverLeaveTheCustomerAhead() {
        Account account = billing.account("100.00");
        Instance instance = billing.create(account.id(), 1_000);
        billing.clock.set("2026-11-23T21:57:23Z");
        Money before = billing.balance(account.id());

        // (36 − 24) × 7,357 s / 86,400 s = 1.02180…: charged 1.03, credited 1.02
        billing.instances.changeSettings(account.id(), instance.id(), devices(2_000), ActionOptions.NONE);
        billing.instances.changeSettings(account.id(), instance.id(), devices(1_000), ActionOptions.NONE);

        assertThat(billing.balance(account.id())).isEqualTo(before.minus(Money.of("0.01", "EUR")));
    }

    // R9 ---------------------------------------------------------------------------------------------

    @Test
    void rule_R9_deleteRefundsTheUnusedPartOfTheCoverage() {
        Account account = billing.account("100.00");
        Instance instance = billing.create(account.id(), 1_000); // 14.00
        billing.clock.set("2026-11-23T16:00:00Z");

        InstanceChange change = billing.instances.delete(account.id(), instance.id(), ActionOptions.NONE);

        assertThat(change.ledgerEntry().orElseThrow().amount()).isEqualTo(Money.of("8.00", "EUR")); // 24.00 × 8/24
        assertThat(change.instance().state()).isEqualTo(InstanceState.DELETED);
        assertThat(billing.balance(account.id())).isEqualTo(Money.of("94.00", "EUR"));
        assertThat(billing.instances.find(account.id(), instance.id())).isEmpty();
        assertThat(billing.instances.list(account.id())).isEmpty();
        assertThatThrownBy(() -> billing.instances.enable(account.id(), instance.id(), ActionOptions.NONE))
                .isInstanceOf(InstanceNotFoundException.class);
    }

    @Test
    void rule_R9_theRefundIsRoundedDownToTheMinorUnitBelow() {
        Account account = billing.account("100.00");
        Instance instance = billing.create(account.id(), 1_000);
        billing.clock.set("2026-11-23T22:59:40Z");

        InstanceChange change = billing.instances.delete(account.id(), instance.id(), ActionOptions.NONE);

        // 24.00 × 3,620 s / 86,400 s = 1.00555…: 1.00 back
        assertThat(change.ledgerEntry().orElseThrow().amount()).isEqualTo(Money.of("1.00", "EUR"));
    }

    @Test
    void rule_R9_deleteAfterTheCoverageLapsedRefundsNothing() {
        Account account = billing.account("100.00");
        Instance instance = billing.createDisabled(account.id(), 1_000);

        assertThat(billing.instances.delete(account.id(), instance.id(), ActionOptions.NONE).ledgerEntry()).isEmpty();
        assertThat(billing.balance(account.id())).isEqualTo(Money.of("100.00", "EUR"));
    }

    // R10 --------------------------------------------------------------------------------------------

    @Test
    void rule_R10_aPriceChangeAppliesFromTheNextChargeOn() {
        Account account = billing.account("100.00");
        Instance instance = billing.create(account.id(), 1_000); // paid at 24.00
        billing.prices.setPackagePrices(18_00, 1_20); // 30.00 for 1,000 devices from now on
        billing.clock.set("2026-11-23T18:00:00Z");

        // The running coverage keeps its paid rate: disabling and enabling inside it costs nothing ...
        billing.instances.disable(account.id(), instance.id(), ActionOptions.NONE);
        assertThat(billing.instances.enable(account.id(), instance.id(), ActionOptions.NONE).instance().paidRate())
                .isEqualTo(Money.of("24.00", "EUR"));
        // ... and the next daily charge is at the new price.
        billing.clock.set("2026-11-24T00:05:00Z");
        billing.run("2026-11-24");
        assertThat(last(billing.ledger(account.id())).amount()).isEqualTo(Money.of("-30.00", "EUR"));
        assertThat(billing.instance(account.id(), instance.id()).paidRate()).isEqualTo(Money.of("30.00", "EUR"));
    }

    // R11 --------------------------------------------------------------------------------------------

    @Test
    void rule_R11_aQuoteIsExactlyWhatTheActionChargesAndChangesNothing() {
        Account account = billing.account("100.00");
        Instance instance = billing.create(account.id(), 1_000);
        billing.clock.set("2026-11-23T18:00:00Z");
        Money before = billing.balance(account.id());

        Quote quote = billing.quotes.quoteChangeSettings(account.id(), instance.id(), devices(2_000, "usp"));

        assertThat(quote.amount()).isEqualTo(Money.of("-4.25", "EUR")); // (41 − 24) × 6/24
        assertThat(quote.rule()).isEqualTo("R7");
        assertThat(quote.dailyRate().total()).isEqualTo(Money.of("41.00", "EUR"));
        assertThat(quote.dailyRate().components()).extracting(c -> c.item()).containsExactly("standard", "standard", "usp");
        assertThat(quote.paidRate()).isEqualTo(Money.of("24.00", "EUR"));
        assertThat(quote.periodEnd()).contains(Instant.parse("2026-11-24T00:00:00Z"));
        assertThat(billing.balance(account.id())).isEqualTo(before);
        assertThat(billing.instance(account.id(), instance.id())).isEqualTo(instance);

        InstanceChange change = billing.instances.changeSettings(account.id(), instance.id(), devices(2_000, "usp"),
                ActionOptions.NONE.withQuote(quote.id()));
        assertThat(change.ledgerEntry().orElseThrow().amount()).isEqualTo(quote.amount());
    }

    @Test
    void rule_R11_everyBillableActionHasAQuote() {
        Account account = billing.account("100.00");
        assertThat(billing.quotes.quoteCreate(account.id(), devices(1_000), true).amount()).isEqualTo(Money.of("-14.00", "EUR"));
        assertThat(billing.quotes.quoteCreate(account.id(), devices(1_000), false).amount()).isEqualTo(Money.zero(Billing.EUR));
        Instance instance = billing.createDisabled(account.id(), 1_000);
        assertThat(billing.quotes.quoteEnable(account.id(), instance.id()).amount()).isEqualTo(Money.of("-14.00", "EUR"));
        billing.instances.enable(account.id(), instance.id(), ActionOptions.NONE);
        assertThat(billing.quotes.quoteDelete(account.id(), instance.id()).amount()).isEqualTo(Money.of("14.00", "EUR"));
    }

    @Test
    void rule_R11_anActionCarryingAQuoteIsRefusedWhenTheAmountChanged() {
        Account account = billing.account("100.00");
        Instance instance = billing.createDisabled(account.id(), 1_000);
        Quote quote = billing.quotes.quoteEnable(account.id(), instance.id());
        billing.clock.advance(Duration.ofMinutes(5)); // 24.00 × 5 min less: 13.92

        assertThatThrownBy(() -> billing.instances.enable(account.id(), instance.id(), ActionOptions.NONE.withQuote(quote.id())))
                .isInstanceOf(QuoteMismatchException.class).hasMessageContaining("it was -14.00 EUR, it is now -13.92 EUR");
        assertThat(billing.instance(account.id(), instance.id())).isEqualTo(instance);
        assertThat(billing.balance(account.id())).isEqualTo(Money.of("100.00", "EUR"));
    }

    @Test
    void rule_R11_aQuoteCannotBeCarriedByAnotherAction() {
        Account account = billing.account("100.00");
        Instance instance = billing.createDisabled(account.id(), 1_000);
        Quote quote = billing.quotes.quoteDelete(account.id(), instance.id());

        assertThatThrownBy(() -> billing.instances.enable(account.id(), instance.id(), ActionOptions.NONE.withQuote(quote.id())))
                .isInstanceOf(QuoteMismatchException.class).hasMessageContaining("different action");
        Account other = billing.account("100.00");
        assertThatThrownBy(() -> billing.instances.create(other.id(), new NewInstance("acs", devices(1_000), true),
                ActionOptions.NONE.withQuote(quote.id()))).isInstanceOf(QuoteMismatchException.class);
    }

    // R12 --------------------------------------------------------------------------------------------

    @Test
    void rule_R12_theDailyRunChargesTheRateLastPaidWhenAnOptionIsWithdrawn() {
        Account account = billing.account("100.00");
        Instance instance = billing.instances.create(account.id(), new NewInstance("acs", devices(1_000, "firmware"), true),
                ActionOptions.NONE).instance(); // 27.00 a day: 15.75 to midnight
        billing.prices.withdrawOption("firmware");
        billing.clock.set("2026-11-24T00:05:00Z");

        BillingRun run = billing.run("2026-11-24");

        assertThat(run.charged()).isEqualTo(1);
        assertThat(run.failed()).isZero();
        LedgerEntry charge = last(billing.ledger(account.id()));
        assertThat(charge.amount()).isEqualTo(Money.of("-27.00", "EUR"));
        assertThat(charge.description()).contains("R12").contains("'firmware'").as("names the instance").contains("'acs'");
        assertThat(charge.breakdown()).singleElement().satisfies(c -> assertThat(c.item()).isEqualTo("firmware"));
        Instance billed = billing.instance(account.id(), instance.id());
        assertThat(billed.paidUntil()).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
        assertThat(billed.paidRate()).isEqualTo(Money.of("27.00", "EUR"));
    }

    @Test
    void rule_R12_anOptionWithdrawnWhileAnotherSellerSellsItsIdGoesOnAtTheRateLastPaidNotTheOthersPrice() {
        Account account = billing.account("300.00");
        billing.prices.suppliedByTheTenant("usp", true);
        billing.prices.setOptionPrice("usp", 2_00);
        Instance instance = billing.instances.create(account.id(), new NewInstance("acs", devices(1_000, "usp"), true),
                ActionOptions.NONE).instance(); // 26.00 a day, the reseller's own usp at 2.00
        // The reseller's bundle goes away; the platform's usp, at 20.00, is on sale under the same id.
        billing.prices.suppliedByTheTenant("usp", false);
        billing.prices.setOptionPrice("usp", 20_00);
        billing.clock.set("2026-11-24T00:05:00Z");

        BillingRun run = billing.run("2026-11-24");

        assertThat(List.of(run.charged(), run.failed())).containsExactly(1L, 0L);
        LedgerEntry charge = last(billing.ledger(account.id()));
        assertThat(charge.amount()).isEqualTo(Money.of("-26.00", "EUR"));
        assertThat(charge.description()).contains("R12").contains("'usp'");
        assertThat(billing.quotes.quoteEnable(account.id(), instance.id()).amount()).as("inside its coverage").isEqualTo(Money.of("0.00", "EUR"));

        // Disabled, and enabled after the lapse: the rate last paid again, prorated (R12, R5).
        billing.instances.disable(account.id(), instance.id(), ActionOptions.NONE);
        billing.clock.set("2026-11-25T12:00:00Z");
        InstanceChange enabled = billing.instances.enable(account.id(), instance.id(), ActionOptions.NONE);
        assertThat(enabled.ledgerEntry().orElseThrow().amount()).isEqualTo(Money.of("-13.00", "EUR"));

        // Choosing the platform's usp is a change of settings like any: priced now, against the rate last paid (R7).
        InstanceChange changed = billing.instances.changeSettings(account.id(), instance.id(), devices(1_000, "usp", "firmware"), ActionOptions.NONE);
        assertThat(changed.ledgerEntry().orElseThrow().amount()).isEqualTo(Money.of("-10.50", "EUR")); // (47.00 - 26.00) × 12/24
        billing.clock.set("2026-11-26T00:05:00Z");
        billing.run("2026-11-26");
        assertThat(last(billing.ledger(account.id())).amount()).as("the platform's usp from then on").isEqualTo(Money.of("-47.00", "EUR"));
    }

    @Test
    void rule_R12_theDailyRunDisablesAtTheRateLastPaidWhenTheBalanceIsShort() {
        Account account = billing.account("40.00");
        Instance instance = billing.create(account.id(), 1_000); // 14.00 to midnight, 26.00 left
        billing.prices.setPackageOnSale(false);
        billing.clock.set("2026-11-24T00:05:00Z");
        billing.run("2026-11-24"); // 24.00, 2.00 left
        billing.clock.set("2026-11-25T00:05:00Z");

        BillingRun run = billing.run("2026-11-25");

        assertThat(run.disabled()).isEqualTo(1);
        assertThat(billing.instance(account.id(), instance.id()).disableReason()).contains(DisableReason.INSUFFICIENT_FUNDS);
        assertThat(billing.balance(account.id())).isEqualTo(Money.of("2.00", "EUR"));
    }

    @Test
    void rule_R12_disableAndEnableInsideTheCoverageAreFreeWithAWithdrawnPackage() {
        Account account = billing.account("100.00");
        Instance instance = billing.create(account.id(), 1_000);
        billing.prices.setPackageOnSale(false);
        Money before = billing.balance(account.id());
        billing.clock.set("2026-11-23T15:00:00Z");

        billing.instances.disable(account.id(), instance.id(), ActionOptions.NONE);
        InstanceChange enabled = billing.instances.enable(account.id(), instance.id(), ActionOptions.NONE);

        assertThat(enabled.ledgerEntry()).isEmpty();
        assertThat(enabled.instance().state()).isEqualTo(InstanceState.ENABLED);
        assertThat(billing.balance(account.id())).isEqualTo(before);
    }

    @Test
    void rule_R12_enableAfterALapseChargesTheRateLastPaidProratedToMidnight() {
        Account account = billing.account("100.00");
        Instance instance = billing.create(account.id(), 1_000);
        billing.instances.disable(account.id(), instance.id(), ActionOptions.NONE);
        billing.prices.setPackageOnSale(false);
        billing.clock.set("2026-11-24T18:00:00Z");

        Quote quote = billing.quotes.quoteEnable(account.id(), instance.id());
        InstanceChange enabled = billing.instances.enable(account.id(), instance.id(), ActionOptions.NONE.withQuote(quote.id()));

        assertThat(quote.rule()).isEqualTo("R12");
        LedgerEntry charge = enabled.ledgerEntry().orElseThrow();
        assertThat(charge.amount()).isEqualTo(Money.of("-6.00", "EUR")).isEqualTo(quote.amount()); // 24.00 × 6/24
        assertThat(charge.description()).contains("R12");
        assertThat(enabled.instance().paidUntil()).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
        assertThat(enabled.instance().paidRate()).isEqualTo(Money.of("24.00", "EUR"));
    }

    @Test
    void rule_R12_enablingAnInstanceThatNeverPaidIsRefusedNamingTheItem() {
        Account account = billing.account("100.00");
        Instance instance = billing.createDisabled(account.id(), 1_000);
        billing.prices.setPackageOnSale(false);

        assertThatThrownBy(() -> billing.instances.enable(account.id(), instance.id(), ActionOptions.NONE))
                .isInstanceOfSatisfying(ItemNotOnSaleException.class, e -> assertThat(e.item()).isEqualTo("standard"))
                .hasMessageContaining("'standard'");
        assertThat(billing.instance(account.id(), instance.id())).isEqualTo(instance);
        assertThat(billing.balance(account.id())).isEqualTo(Money.of("100.00", "EUR"));
    }

    @Test
    void rule_R12_deleteRefundsTheUnusedCoverageAtTheRateLastPaid() {
        Account account = billing.account("100.00");
        Instance instance = billing.create(account.id(), 1_000);
        billing.prices.setPackageOnSale(false);
        billing.clock.set("2026-11-23T16:00:00Z");

        InstanceChange deleted = billing.instances.delete(account.id(), instance.id(), ActionOptions.NONE);

        assertThat(deleted.ledgerEntry().orElseThrow().amount()).isEqualTo(Money.of("8.00", "EUR"));
        assertThat(billing.balance(account.id())).isEqualTo(Money.of("94.00", "EUR"));
    }

    @Test
    void rule_R12_creatingWithAWithdrawnItemIsRefusedNamingItAndStoresNothing() {
        Account account = billing.account("100.00");
        billing.prices.withdrawOption("firmware");

        assertThatThrownBy(() -> billing.quotes.quoteCreate(account.id(), devices(1_000, "firmware"), true))
                .isInstanceOfSatisfying(ItemNotOnSaleException.class, e -> assertThat(e.item()).isEqualTo("firmware"));
        assertThatThrownBy(() -> billing.instances.create(account.id(), new NewInstance("acs", devices(1_000, "firmware"), true),
                ActionOptions.NONE)).isInstanceOf(ItemNotOnSaleException.class).hasMessageContaining("'firmware'");
        assertThat(billing.instances.list(account.id())).isEmpty();
        assertThat(billing.balance(account.id())).isEqualTo(Money.of("100.00", "EUR"));
    }

    @Test
    void rule_R12_aChangeToSettingsWithAWithdrawnItemIsRefused() {
        Account account = billing.account("100.00");
        Instance instance = billing.create(account.id(), 1_000);
        billing.prices.withdrawOption("firmware");
        billing.clock.set("2026-11-23T18:00:00Z");

        assertThatThrownBy(() -> billing.quotes.quoteChangeSettings(account.id(), instance.id(), devices(1_000, "firmware")))
                .isInstanceOf(ItemNotOnSaleException.class);
        assertThatThrownBy(() -> billing.instances.changeSettings(account.id(), instance.id(), devices(1_000, "firmware"), ActionOptions.NONE))
                .isInstanceOf(ItemNotOnSaleException.class).hasMessageContaining("'firmware'");
        assertThat(billing.instance(account.id(), instance.id())).isEqualTo(instance);
    }

    @Test
    void rule_R12_removingAWithdrawnOptionIsCreditedAgainstTheRateLastPaid() {
        Account account = billing.account("100.00");
        Instance instance = billing.instances.create(account.id(), new NewInstance("acs", devices(1_000, "firmware"), true),
                ActionOptions.NONE).instance(); // paid 27.00 a day
        billing.prices.withdrawOption("firmware");
        billing.clock.set("2026-11-23T18:00:00Z");

        InstanceChange changed = billing.instances.changeSettings(account.id(), instance.id(), devices(1_000), ActionOptions.NONE);

        // (27 − 24) × 6/24
        assertThat(changed.ledgerEntry().orElseThrow().amount()).isEqualTo(Money.of("0.75", "EUR"));
        assertThat(changed.instance().configuration()).isEqualTo(devices(1_000));
        assertThat(changed.instance().paidRate()).isEqualTo(Money.of("24.00", "EUR"));
    }

    @Test
    void rule_R12_anItemSuppliedAgainIsChargedItsPriceFromTheNextChargeOn() {
        Account account = billing.account("100.00");
        Instance instance = billing.create(account.id(), 1_000); // paid 24.00
        billing.prices.setPackageOnSale(false);
        billing.clock.set("2026-11-24T00:05:00Z");
        billing.run("2026-11-24"); // 24.00, the rate last paid
        billing.prices.setPackagePrices(18_00, 1_20); // back, at 30.00 for 1,000 devices
        billing.prices.setPackageOnSale(true);
        billing.clock.set("2026-11-25T00:05:00Z");

        billing.run("2026-11-25");

        List<LedgerEntry> daily = billing.ledger(account.id()).stream().filter(e -> e.type() == LedgerEntryType.DAILY_CHARGE).toList();
        assertThat(daily).extracting(LedgerEntry::amount).containsExactly(Money.of("-24.00", "EUR"), Money.of("-30.00", "EUR"));
        assertThat(billing.instance(account.id(), instance.id()).paidRate()).isEqualTo(Money.of("30.00", "EUR"));
    }

    // Idempotency and tenancy -----------------------------------------------------------------------

    @Test
    void aRetriedActionWithTheSameKeyChangesNothingAndAnswersTheFirstResult() {
        Account account = billing.account("100.00");
        NewInstance request = new NewInstance("acs", devices(1_000), true);

        InstanceChange first = billing.instances.create(account.id(), request, ActionOptions.withKey("create-1"));
        InstanceChange retry = billing.instances.create(account.id(), request, ActionOptions.withKey("create-1"));

        assertThat(retry.replayed()).isTrue();
        assertThat(retry.instance().id()).isEqualTo(first.instance().id());
        assertThat(retry.ledgerEntry()).isEqualTo(first.ledgerEntry());
        assertThat(billing.instances.list(account.id())).hasSize(1);
        assertThat(billing.balance(account.id())).isEqualTo(Money.of("86.00", "EUR"));
        assertThatThrownBy(() -> billing.instances.create(account.id(), new NewInstance("acs", devices(2_000), true),
                ActionOptions.withKey("create-1"))).isInstanceOf(IdempotencyKeyReusedException.class);
    }

    @Test
    void anotherAccountsInstanceDoesNotExist() {
        Account owner = billing.account("100.00");
        Account stranger = billing.account("100.00");
        Instance instance = billing.create(owner.id(), 1_000);

        assertThatThrownBy(() -> billing.instances.disable(stranger.id(), instance.id(), ActionOptions.NONE))
                .isInstanceOf(InstanceNotFoundException.class);
        assertThatThrownBy(() -> billing.quotes.quoteDelete(stranger.id(), instance.id())).isInstanceOf(InstanceNotFoundException.class);
        assertThat(billing.instances.find(stranger.id(), instance.id())).isEmpty();
        assertThat(billing.instance(owner.id(), instance.id())).isEqualTo(instance);
    }

    @Test
    void aTopUpUnderTheSameKeyIsCreditedOnceAndTheCustomerHearsOfItOnce() {
        Account account = billing.account("0");
        String owner = billing.user(account);
        LedgerEntry first = billing.balances.topUp(account.id(), Money.of("50.00", "EUR"), "stripe/cs_1", "Card payment");
        LedgerEntry again = billing.balances.topUp(account.id(), Money.of("50.00", "EUR"), "stripe/cs_1", "Card payment");

        assertThat(again).isEqualTo(first);
        assertThat(billing.balance(account.id())).isEqualTo(Money.of("50.00", "EUR"));
        assertThat(Optional.of(first.balanceAfter())).contains(Money.of("50.00", "EUR"));
        assertThat(billing.mailTo(owner)).extracting(m -> m.subject()).containsExactly("We received your payment of 50.00 EUR");
    }

    // Instance events: what plugins hear ---------------------------------------------------

    @Test
    void everyActionThatChangesAnInstanceTellsPluginsWithItsLedgerEntryAndOneThatChangesNothingDoesNot() {
        Account account = billing.account("100.00");
        InstanceChange created = billing.instances.create(account.id(), new NewInstance("acs", devices(1_000), true), ActionOptions.withKey("create-1"));
        InstanceId id = created.instance().id();
        billing.instances.enable(account.id(), id, ActionOptions.NONE); // already enabled: free, nothing changes
        billing.instances.create(account.id(), new NewInstance("acs", devices(1_000), true), ActionOptions.withKey("create-1")); // a replay
        billing.instances.changeSettings(account.id(), id, devices(2_000), ActionOptions.NONE);
        billing.instances.disable(account.id(), id, ActionOptions.NONE);
        billing.clock.set("2026-11-23T12:00:00Z");
        billing.instances.enable(account.id(), id, ActionOptions.NONE);
        InstanceChange deleted = billing.instances.delete(account.id(), id, ActionOptions.NONE);

        List<InstanceEvent> heard = billing.lifecycle.heard();

        assertThat(heard).extracting(InstanceEvent::type).containsExactly(InstanceEvent.Type.CREATED, InstanceEvent.Type.SETTINGS_CHANGED,
                InstanceEvent.Type.DISABLED, InstanceEvent.Type.ENABLED, InstanceEvent.Type.DELETED);
        assertThat(heard).allSatisfy(event -> {
            assertThat(event.instance()).isEqualTo(id);
            assertThat(event.account()).isEqualTo(account.id());
            assertThat(event.tenant()).isEqualTo(TenantId.DEFAULT);
        });
        InstanceEvent create = heard.get(0);
        assertThat(create.balanceChange()).isEqualTo(created.ledgerEntry().orElseThrow().amount()).isEqualTo(Money.of("-14.00", "EUR"));
        assertThat(create.ledgerEntry()).hasValue(created.ledgerEntry().orElseThrow().id());
        assertThat(create.occurredAt()).isEqualTo(MONDAY_10);
        assertThat(create.paidUntil()).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
        assertThat(heard.get(1).configuration()).isEqualTo(devices(2_000));
        assertThat(heard.get(2).disableReason()).contains(DisableReason.CUSTOMER);
        assertThat(heard.get(3).state()).isEqualTo(InstanceState.ENABLED);
        // Enabled again within its paid day (R4): nothing charged, nothing in the event.
        assertThat(heard.get(3).balanceChange().isZero()).isTrue();
        assertThat(heard.get(3).ledgerEntry()).isEmpty();
        assertThat(heard.get(4).balanceChange()).isEqualTo(deleted.ledgerEntry().orElseThrow().amount());
        assertThat(heard.get(4).state()).isEqualTo(InstanceState.DELETED);
    }

    @Test
    void anActionRefusedOrRolledBackTellsPluginsNothing() {
        Account account = billing.account("5.00");

        assertThatThrownBy(() -> billing.create(account.id(), 1_000)).isInstanceOf(InsufficientFundsException.class);

        assertThat(billing.lifecycle.heard()).isEmpty();
    }

    @Test
    void theDailyRunTellsPluginsOfEachChargeWithItsLedgerEntryAndOfEachInstanceItDisabled() {
        TenantId acme = billing.reseller("acme");
        Account rich = billing.account(acme, "100.00");
        Account poor = billing.account("14.00");
        Instance charged = billing.create(rich.id(), 1_000);
        Instance disabled = billing.create(poor.id(), 1_000);
        billing.clock.set("2026-11-24T00:05:00.700Z");
        billing.lifecycle.heard();

        billing.run("2026-11-24");

        List<InstanceEvent> heard = billing.lifecycle.heard().subList(2, 4);
        InstanceEvent charge = heard.stream().filter(e -> e.type() == InstanceEvent.Type.CHARGED).findFirst().orElseThrow();
        LedgerEntry entry = last(billing.ledger(rich.id()));
        assertThat(charge.instance()).isEqualTo(charged.id());
        assertThat(charge.tenant()).isEqualTo(acme);
        assertThat(charge.ledgerEntry()).hasValue(entry.id());
        assertThat(charge.balanceChange()).isEqualTo(entry.amount()).isEqualTo(Money.of("-24.00", "EUR"));
        assertThat(charge.paidRate()).isEqualTo(Money.of("24.00", "EUR"));
        assertThat(charge.paidUntil()).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
        assertThat(charge.occurredAt()).isEqualTo(Instant.parse("2026-11-24T00:05:00Z"));
        InstanceEvent off = heard.stream().filter(e -> e.type() == InstanceEvent.Type.DISABLED).findFirst().orElseThrow();
        assertThat(off.instance()).isEqualTo(disabled.id());
        assertThat(off.disableReason()).contains(DisableReason.INSUFFICIENT_FUNDS);
        assertThat(off.balanceChange().isZero()).isTrue();
        assertThat(off.paidUntil()).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));

        billing.run("2026-11-24");
        assertThat(billing.lifecycle.heard()).hasSize(4);
    }

    private static LedgerEntry last(List<LedgerEntry> entries) {
        return entries.get(entries.size() - 1);
    }
}
