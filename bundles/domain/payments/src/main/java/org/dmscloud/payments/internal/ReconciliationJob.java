package org.dmscloud.payments.internal;

import java.time.Duration;

import org.dmscloud.api.job.PeriodicJob;
import org.dmscloud.api.payment.TopUpAdministration;
import org.dmscloud.api.payment.TopUpAdministration.ReconciliationReport;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the providers about open top-ups now and then, so that a lost notification never loses money
 * and an abandoned payment page ends as failed. A job every node runs, unless its interval is 0: each top-up is
 * settled under its row lock, and each payment credited once.
 */
// No service of DS's own: it registers itself as a job only when this node is to run it.
@Component(service = {}, immediate = true, configurationPid = PaymentsConfiguration.PID)
public class ReconciliationJob implements PeriodicJob {

    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationJob.class);

    private final TopUpAdministration topUps;
    private final int batch;
    private final Duration interval;
    private final ServiceRegistration<PeriodicJob> registration;

    @Activate
    public ReconciliationJob(BundleContext context, @Reference TopUpAdministration topUps, PaymentsConfiguration configuration) {
        this.topUps = topUps;
        this.batch = Math.max(1, configuration.reconcileBatch());
        this.interval = Duration.ofSeconds(configuration.reconcileIntervalSeconds());
        // Off (0): no job at all, rather than one that runs to do nothing.
        this.registration = interval.isNegative() || interval.isZero() ? null : context.registerService(PeriodicJob.class, this, null);
    }

    @Deactivate
    void stop() {
        if (registration != null) {
            registration.unregister();
        }
    }

    @Override
    public String name() {
        return "top-up-reconciliation";
    }

    @Override
    public Duration period() {
        return interval;
    }

    @Override
    public void run() {
        ReconciliationReport report = topUps.reconcileOpen(batch);
        if (report.checked() > 0) {
            LOG.info("Top-up reconciliation: {}", report);
        }
    }
}
