package org.dmscloud.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.dmscloud.api.billing.BillingRun;
import org.junit.jupiter.api.Test;

/** When the scheduler starts a day's run again (R1, R2): until every instance of the day is billed, and never before its pause. */
class DailyRunSchedulerTest {

    private static final Instant STARTED = Instant.parse("2026-11-24T00:05:00Z");
    private static final Instant FINISHED = STARTED.plusSeconds(60);
    private static final Duration RETRY = Duration.ofMinutes(15);

    @Test
    void rule_R1_aDayWithoutARunIsDue() {
        assertThat(DailyRunScheduler.isDue(Optional.empty(), STARTED, RETRY)).isTrue();
    }

    @Test
    void rule_R2_aDayBilledInFullIsNotRunAgain() {
        assertThat(DailyRunScheduler.isDue(Optional.of(run(BillingRun.Status.COMPLETED, 0)), FINISHED.plus(Duration.ofHours(5)), RETRY)).isFalse();
    }

    @Test
    void rule_R2_aRunThatLeftInstancesUnbilledIsStartedAgainAfterItsPause() {
        Optional<BillingRun> leftSome = Optional.of(run(BillingRun.Status.COMPLETED, 3));

        assertThat(DailyRunScheduler.isDue(leftSome, FINISHED.plus(RETRY).minusSeconds(1), RETRY)).isFalse();
        assertThat(DailyRunScheduler.isDue(leftSome, FINISHED.plus(RETRY), RETRY)).isTrue();
    }

    @Test
    void rule_R2_aFailedRunOrAnotherNodesRunningOneDoesNotHoldTheDayUp() {
        assertThat(DailyRunScheduler.isDue(Optional.of(run(BillingRun.Status.FAILED, 0)), FINISHED, RETRY)).isTrue();
        assertThat(DailyRunScheduler.isDue(Optional.of(run(BillingRun.Status.RUNNING, 0)), FINISHED, RETRY)).isTrue();
    }

    private static BillingRun run(BillingRun.Status status, long failed) {
        return new BillingRun(1, LocalDate.parse("2026-11-24"), "node-1", status, STARTED,
                status == BillingRun.Status.RUNNING ? Optional.empty() : Optional.of(FINISHED), 10, 0, 0, failed, List.of());
    }
}
