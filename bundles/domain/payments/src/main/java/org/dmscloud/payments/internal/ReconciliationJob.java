package org.dmscloud.payments.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.dmscloud.api.payment.TopUpAdministration;
import org.dmscloud.api.payment.TopUpAdministration.ReconciliationReport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the providers about open top-ups now and then, so that a lost notification never loses money
 * and an abandoned payment page ends as failed. Every node may run it: each top-up is settled under
 * its row lock, and each payment credited once.
 */
@Component(immediate = true, configurationPid = PaymentsConfiguration.PID)
public class ReconciliationJob {

    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationJob.class);

    private final TopUpAdministration topUps;
    private final int batch;
    private final ScheduledExecutorService executor;

    @Activate
    public ReconciliationJob(@Reference TopUpAdministration topUps, PaymentsConfiguration configuration) {
        this.topUps = topUps;
        this.batch = Math.max(1, configuration.reconcileBatch());
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "dmscloud-top-up-reconciliation");
            thread.setDaemon(true);
            return thread;
        });
        int interval = configuration.reconcileIntervalSeconds();
        if (interval > 0) {
            executor.scheduleWithFixedDelay(this::reconcile, interval, interval, TimeUnit.SECONDS);
        }
    }

    @Deactivate
    void stop() {
        executor.shutdownNow();
    }

    private void reconcile() {
        try {
            ReconciliationReport report = topUps.reconcileOpen(batch);
            if (report.checked() > 0) {
                LOG.info("Top-up reconciliation: {}", report);
            }
        } catch (Throwable e) { // a scheduled task that throws is never run again
            LOG.warn("Top-up reconciliation did not complete: {}", e.toString());
        }
    }
}
