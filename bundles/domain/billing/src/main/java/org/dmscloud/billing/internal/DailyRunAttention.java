package org.dmscloud.billing.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import org.dmscloud.api.billing.BillingRun;
import org.dmscloud.api.health.CachedAttention;
import org.dmscloud.api.health.OperatorAttention;
import org.dmscloud.billing.internal.store.BillingStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Tells the health document when today is not billed in full: its run failed, left instances unbilled, or has not
 * completed well after its time. Read from the database at most every few seconds, since health is asked every second.
 */
@Component(service = OperatorAttention.class, configurationPid = DailyRunConfiguration.PID)
public class DailyRunAttention implements OperatorAttention {

    /** How long after its time a day's run may take before its absence needs an operator. */
    static final Duration GRACE = Duration.ofMinutes(30);
    private static final Duration FRESH = Duration.ofSeconds(10);

    private final BillingStore store;
    private final LocalTime runAt;
    private final CachedAttention cached;

    @Activate
    public DailyRunAttention(@Reference BillingStore store, @Reference Clock clock, DailyRunConfiguration configuration) {
        this(store, clock, LocalTime.parse(configuration.runAt().trim()));
    }

    DailyRunAttention(BillingStore store, Clock clock, LocalTime runAt) {
        this.store = store;
        this.runAt = runAt;
        this.cached = new CachedAttention(clock, FRESH, () -> sentences(clock.instant()));
    }

    @Override
    public List<String> attention() {
        return cached.attention();
    }

    private List<String> sentences(Instant now) {
        LocalDate today = BillingTime.dayOf(now);
        Instant due = BillingTime.start(today).plusSeconds(runAt.toSecondOfDay());
        // A run's outcome is told as soon as the run exists, even one an operator started before the run's time; only
        // a run's absence waits for its time and grace.
        Optional<BillingRun> latest = store.inTransaction(tx -> tx.billingRuns().latest(today));
        if (latest.isEmpty() || latest.get().status() == BillingRun.Status.RUNNING) {
            return now.isBefore(due.plus(GRACE)) ? List.of()
                    : List.of("billing: the daily run of " + today + " has not completed " + GRACE.toMinutes() + " minutes after its time; "
                            + "see dms:billing-runs");
        }
        BillingRun run = latest.get();
        if (run.status() == BillingRun.Status.FAILED) {
            return List.of("billing: the daily run of " + today + " failed and is started again; see dms:billing-runs and the log");
        }
        return run.failed() == 0 ? List.of()
                : List.of("billing: " + run.failed() + " instance(s) of " + today + " are not billed yet and are tried again; "
                        + "see dms:billing-runs");
    }
}
