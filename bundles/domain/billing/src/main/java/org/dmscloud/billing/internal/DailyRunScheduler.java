package org.dmscloud.billing.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.dmscloud.api.billing.BillingRun;
import org.dmscloud.api.billing.DailyRunService;
import org.dmscloud.api.job.PeriodicJob;
import org.dmscloud.billing.internal.store.BillingStore;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts each day's run once the platform clock is past the configured time of day, and catches up
 * today's run at start if it was missed. It reads the platform clock rather than a cron of the system
 * clock, so that moving the clock in test mode moves the billing days with it.
 * <p>
 * The day is done when its latest run completed with every instance billed. A run that failed is started again at the
 * next check; one that completed leaving instances unbilled (their pricing plugin failing, say) is started again after
 * the configured pause, which bills only what is still due. The checks are a job of the platform's job runner, which
 * nothing a run throws stops; a node that does not run the day's run on schedule has no such job.
 */
// No service of DS's own: it registers itself as a job only when this node is to run it.
@Component(service = {}, immediate = true, configurationPid = DailyRunConfiguration.PID)
public class DailyRunScheduler implements PeriodicJob {

    private static final Logger LOG = LoggerFactory.getLogger(DailyRunScheduler.class);

    private final DailyRunService dailyRun;
    private final BillingStore store;
    private final Clock clock;
    private final LocalTime runAt;
    private final Duration retryAfter;
    private final Duration checkInterval;
    private ServiceRegistration<PeriodicJob> registration;

    public DailyRunScheduler(DailyRunService dailyRun, BillingStore store, Clock clock, DailyRunConfiguration configuration) {
        this.dailyRun = dailyRun;
        this.store = store;
        this.clock = clock;
        this.runAt = parseRunAt(configuration.runAt());
        this.retryAfter = DailyRun.retryAfter(configuration);
        this.checkInterval = Duration.ofSeconds(Math.max(1, configuration.checkIntervalSeconds()));
    }

    @Activate
    public DailyRunScheduler(BundleContext context, @Reference DailyRunService dailyRun, @Reference BillingStore store, @Reference Clock clock,
            DailyRunConfiguration configuration) {
        this(dailyRun, store, clock, configuration);
        if (configuration.scheduled()) {
            registration = context.registerService(PeriodicJob.class, this, null);
            LOG.info("Daily run scheduled after {} UTC by the platform clock, checked every {} s", runAt, checkInterval.toSeconds());
        }
    }

    @Deactivate
    void stop() {
        if (registration != null) {
            registration.unregister();
        }
    }

    @Override
    public String name() {
        return "daily-run";
    }

    @Override
    public Duration period() {
        return checkInterval;
    }

    /** At once: a day missed while the node was down is caught up at start. */
    @Override
    public Duration firstRunAfter() {
        return Duration.ZERO;
    }

    @Override
    public void run() {
        runIfDue();
    }

    /** Runs today's run if the time of day has come and today is not billed in full yet. */
    void runIfDue() {
        Instant now = clock.instant();
        LocalDate today = BillingTime.dayOf(now);
        if (now.isBefore(BillingTime.start(today).plusSeconds(runAt.toSecondOfDay()))) {
            return;
        }
        Optional<BillingRun> latest = store.inTransaction(tx -> tx.billingRuns().latest(today));
        if (isDue(latest, now, retryAfter)) {
            dailyRun.run(today);
        }
    }

    /**
     * Whether the day's run is to be started, given its latest run: none yet, or one that failed, or one that completed
     * leaving instances unbilled at least {@code retryAfter} ago. A run recorded as running (on another node: this node's
     * checks wait for its own) is not waited for: runs of one day may overlap, each instance charged once, and one that
     * nobody works on any more must not hold the day up.
     */
    static boolean isDue(Optional<BillingRun> latest, Instant now, Duration retryAfter) {
        if (latest.isEmpty()) {
            return true;
        }
        BillingRun run = latest.get();
        return switch (run.status()) {
            case FAILED, RUNNING -> true;
            case COMPLETED -> run.failed() > 0 && !now.isBefore(run.finishedAt().orElse(run.startedAt()).plus(retryAfter));
        };
    }

    private static LocalTime parseRunAt(String text) {
        try {
            return LocalTime.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("runAt '" + text + "' in " + DailyRunConfiguration.PID + " is not a time such as 00:05", e);
        }
    }
}
