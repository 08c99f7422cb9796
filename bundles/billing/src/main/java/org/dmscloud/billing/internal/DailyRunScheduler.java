package org.dmscloud.billing.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.dmscloud.api.billing.DailyRunService;
import org.dmscloud.billing.internal.store.BillingStore;
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
 */
@Component(immediate = true, configurationPid = DailyRunConfiguration.PID)
public class DailyRunScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(DailyRunScheduler.class);

    private final DailyRunService dailyRun;
    private final BillingStore store;
    private final Clock clock;
    private final LocalTime runAt;
    private final ScheduledExecutorService executor;

    @Activate
    public DailyRunScheduler(@Reference DailyRunService dailyRun, @Reference BillingStore store, @Reference Clock clock,
            DailyRunConfiguration configuration) {
        this.dailyRun = dailyRun;
        this.store = store;
        this.clock = clock;
        this.runAt = parseRunAt(configuration.runAt());
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "dmscloud-daily-run");
            thread.setDaemon(true);
            return thread;
        });
        if (configuration.scheduled()) {
            int interval = Math.max(1, configuration.checkIntervalSeconds());
            executor.scheduleWithFixedDelay(this::runIfDue, 0, interval, TimeUnit.SECONDS);
            LOG.info("Daily run scheduled after {} UTC by the platform clock, checked every {} s", runAt, interval);
        }
    }

    @Deactivate
    void stop() {
        executor.shutdownNow();
    }

    /** Runs today's run if the time of day has come and no run of today has completed. */
    void runIfDue() {
        try {
            Instant now = clock.instant();
            LocalDate today = BillingTime.dayOf(now);
            if (now.isBefore(BillingTime.start(today).plusSeconds(runAt.toSecondOfDay()))) {
                return;
            }
            if (Boolean.FALSE.equals(store.inTransaction(tx -> tx.billingRuns().completed(today)))) {
                dailyRun.run(today);
            }
        } catch (RuntimeException e) {
            // Logged by the run itself when it fails; the next check tries again.
            LOG.warn("Scheduled daily run did not complete: {}", e.toString());
        }
    }

    private static LocalTime parseRunAt(String text) {
        try {
            return LocalTime.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("runAt '" + text + "' in " + DailyRunConfiguration.PID + " is not a time such as 00:05", e);
        }
    }
}
