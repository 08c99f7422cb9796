package org.dmscloud.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dmscloud.billing.internal.Billing.devices;

import java.time.LocalTime;

import org.dmscloud.api.account.Account;
import org.dmscloud.api.instance.ActionOptions;
import org.dmscloud.api.instance.NewInstance;
import org.dmscloud.persistence.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the health document tells the operators about today's billing (R1, R2). */
class DailyRunAttentionTest {

    private final Billing billing = new Billing(TestDatabases.h2(), java.time.Instant.parse("2026-11-23T10:00:00Z"));
    private final DailyRunAttention attention = new DailyRunAttention(billing.store, billing.clock, LocalTime.of(0, 5));

    @AfterEach
    void close() {
        billing.close();
    }

    @Test
    void rule_R1_nothingBeforeTheRunsTimeNorWithinItsGraceNorOnceTheDayIsBilledInFull() {
        billing.clock.set("2026-11-24T00:04:00Z");
        assertThat(attention.attention()).isEmpty();
        billing.clock.set("2026-11-24T00:30:00Z");
        assertThat(attention.attention()).isEmpty();

        billing.run("2026-11-24");
        billing.clock.set("2026-11-24T00:31:00Z");
        assertThat(attention.attention()).isEmpty();
    }

    @Test
    void rule_R1_aDayWithoutACompletedRunWellAfterItsTimeNeedsTheOperators() {
        billing.clock.set("2026-11-24T00:36:00Z");

        assertThat(attention.attention()).singleElement().asString().contains("has not completed 30 minutes after its time");
    }

    @Test
    void rule_R2_instancesLeftUnbilledNeedTheOperatorsUntilTheyAreBilled() {
        Account account = billing.account("100.00");
        billing.instances.create(account.id(), new NewInstance("acs", devices(1_000, "firmware"), true), ActionOptions.NONE);
        billing.prices.breakOption("firmware");
        billing.clock.set("2026-11-24T00:05:00Z");
        billing.run("2026-11-24");

        assertThat(attention.attention()).containsExactly("billing: 1 instance(s) of 2026-11-24 are not billed yet and are tried again; "
                + "see dms:billing-runs");

        billing.prices.repairOption("firmware");
        billing.clock.set("2026-11-24T00:20:00Z");
        billing.run("2026-11-24");
        assertThat(attention.attention()).isEmpty();
    }

    @Test
    void rule_R2_aRunStartedBeforeItsTimeThatLeftInstancesUnbilledIsToldAtOnce() {
        Account account = billing.account("100.00");
        billing.instances.create(account.id(), new NewInstance("acs", devices(1_000, "firmware"), true), ActionOptions.NONE);
        billing.prices.breakOption("firmware");
        billing.clock.set("2026-11-24T00:02:00Z"); // an operator's dms:billing-run, three minutes before the run's time
        billing.run("2026-11-24");

        assertThat(attention.attention()).containsExactly("billing: 1 instance(s) of 2026-11-24 are not billed yet and are tried again; "
                + "see dms:billing-runs");
    }
}
