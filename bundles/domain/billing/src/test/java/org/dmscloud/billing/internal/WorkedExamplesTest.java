package org.dmscloud.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dmscloud.billing.internal.Billing.devices;

import java.time.Instant;
import java.util.List;

import org.dmscloud.api.account.Account;
import org.dmscloud.api.billing.BillingRun;
import org.dmscloud.api.billing.LedgerEntry;
import org.dmscloud.api.billing.LedgerEntryType;
import org.dmscloud.api.instance.ActionOptions;
import org.dmscloud.api.instance.DisableReason;
import org.dmscloud.api.instance.Instance;
import org.dmscloud.api.instance.InstanceChange;
import org.dmscloud.api.instance.InstanceState;
import org.dmscloud.api.instance.NewInstance;
import org.dmscloud.api.money.Money;
import org.dmscloud.persistence.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The worked examples of BILLING-RULES.md (daily rate 24.00), each a scenario driven by the clock over
 * whole billing days, with the daily run doing its part. 23 November 2026 is a Monday.
 */
class WorkedExamplesTest {

    private Billing billing;

    @AfterEach
    void stop() {
        billing.close();
    }

    private Billing startAt(String instant) {
        billing = new Billing(TestDatabases.h2(), Instant.parse(instant));
        return billing;
    }

    @Test
    void example1_billedMondayThenDisablingAndEnablingOnMondayCostsNothing() {
        startAt("2026-11-22T12:00:00Z");
        Account account = billing.account("100.00");
        Instance instance = billing.create(account.id(), 1_000);
        billing.clock.set("2026-11-23T00:05:00Z");
        billing.run("2026-11-23"); // billed Monday 00:00 → Tuesday 00:00
        Money afterRun = billing.balance(account.id());

        for (String at : List.of("2026-11-23T08:00:00Z", "2026-11-23T12:30:00Z", "2026-11-23T23:59:00Z")) {
            billing.clock.set(at);
            billing.instances.disable(account.id(), instance.id(), ActionOptions.NONE);
            billing.instances.enable(account.id(), instance.id(), ActionOptions.NONE);
        }

        assertThat(billing.balance(account.id())).isEqualTo(afterRun);
        assertThat(billing.instance(account.id(), instance.id()).state()).isEqualTo(InstanceState.ENABLED);
    }

    @Test
    void example2_disabledBeforeMondaysRunEnabledFridayAt08IsCharged16() {
        startAt("2026-11-22T12:00:00Z");
        Account account = billing.account("100.00");
        Instance instance = billing.create(account.id(), 1_000); // paid to Monday 00:00
        billing.clock.set("2026-11-23T00:00:00Z");
        billing.instances.disable(account.id(), instance.id(), ActionOptions.NONE);
        Money beforeTheWeek = billing.balance(account.id());

        for (String day : List.of("2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27")) {
            billing.clock.set(day + "T00:05:00Z");
            BillingRun run = billing.run(day);
            assertThat(run.charged()).as("run of %s", day).isZero();
        }
        billing.clock.set("2026-11-27T08:00:00Z");
        InstanceChange enabled = billing.instances.enable(account.id(), instance.id(), ActionOptions.NONE);

        LedgerEntry charge = enabled.ledgerEntry().orElseThrow();
        assertThat(charge.amount()).isEqualTo(Money.of("-16.00", "EUR")); // 24.00 × 16/24
        assertThat(charge.periodStart()).contains(Instant.parse("2026-11-27T08:00:00Z"));
        assertThat(charge.periodEnd()).contains(Instant.parse("2026-11-28T00:00:00Z"));
        assertThat(billing.balance(account.id())).isEqualTo(beforeTheWeek.minus(Money.of("16.00", "EUR")));
    }

    @Test
    void example3_disabledMondayAt23TuesdaysRunSkipsItAndItStaysDisabled() {
        startAt("2026-11-22T12:00:00Z");
        Account account = billing.account("100.00");
        Instance instance = billing.create(account.id(), 1_000);
        billing.clock.set("2026-11-23T00:05:00Z");
        billing.run("2026-11-23");
        billing.clock.set("2026-11-23T23:00:00Z");
        billing.instances.disable(account.id(), instance.id(), ActionOptions.NONE);
        Money beforeTuesday = billing.balance(account.id());

        billing.clock.set("2026-11-24T00:05:00Z");
        BillingRun tuesday = billing.run("2026-11-24");

        assertThat(tuesday.charged()).isZero();
        Instance after = billing.instance(account.id(), instance.id());
        assertThat(after.state()).isEqualTo(InstanceState.DISABLED);
        assertThat(after.disableReason()).contains(DisableReason.CUSTOMER);
        assertThat(billing.balance(account.id())).isEqualTo(beforeTuesday);
    }

    @Test
    void example4_balance10AtTheRunDisablesTheInstanceAndLeaves10() {
        startAt("2026-11-22T12:00:00Z");
        Account account = billing.account("22.00");
        Instance instance = billing.create(account.id(), 1_000); // 12.00 to midnight; 10.00 left
        billing.clock.set("2026-11-23T00:05:00Z");

        BillingRun run = billing.run("2026-11-23");

        assertThat(run.disabled()).isEqualTo(1);
        assertThat(billing.instance(account.id(), instance.id()).disableReason()).contains(DisableReason.INSUFFICIENT_FUNDS);
        assertThat(billing.balance(account.id())).isEqualTo(Money.of("10.00", "EUR"));
    }

    @Test
    void example5_upgradeAt18Charges3AndTheReverseAt21Credits150() {
        startAt("2026-11-22T12:00:00Z");
        Account account = billing.account("100.00");
        Instance instance = billing.create(account.id(), 1_000);
        billing.clock.set("2026-11-23T00:05:00Z");
        billing.run("2026-11-23"); // paid Monday at 24.00

        billing.clock.set("2026-11-23T18:00:00Z");
        InstanceChange upgrade = billing.instances.changeSettings(account.id(), instance.id(), devices(2_000), ActionOptions.NONE);
        billing.clock.set("2026-11-23T21:00:00Z");
        InstanceChange downgrade = billing.instances.changeSettings(account.id(), instance.id(), devices(1_000), ActionOptions.NONE);

        assertThat(upgrade.ledgerEntry().orElseThrow().amount()).isEqualTo(Money.of("-3.00", "EUR"));
        assertThat(downgrade.ledgerEntry().orElseThrow().amount()).isEqualTo(Money.of("1.50", "EUR"));
        assertThat(downgrade.instance().paidRate()).isEqualTo(Money.of("24.00", "EUR"));
    }

    @Test
    void example6_createdWednesdayAtNoonIsCharged12AndPaidToThursday() {
        startAt("2026-11-25T12:00:00Z");
        Account account = billing.account("100.00");

        InstanceChange created = billing.instances.create(account.id(), new NewInstance("acs", devices(1_000), true), ActionOptions.NONE);

        LedgerEntry charge = created.ledgerEntry().orElseThrow();
        assertThat(charge.type()).isEqualTo(LedgerEntryType.PRORATED_CHARGE);
        assertThat(charge.amount()).isEqualTo(Money.of("-12.00", "EUR"));
        assertThat(created.instance().paidUntil()).isEqualTo(Instant.parse("2026-11-26T00:00:00Z"));
    }
}
