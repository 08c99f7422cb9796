package org.dmscloud.acs.internal;

import java.time.Clock;
import java.time.Duration;

import org.dmscloud.acs.internal.auth.Endpoints;
import org.dmscloud.api.job.PeriodicJob;
import org.dmscloud.persistence.Schema;
import org.dmscloud.persistence.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets the devices, tasks and credentials of instances deleted longer ago than the retention
 * ({@link BuiltInAcsDeployer#RETENTION}): a job every node runs; each endpoint is forgotten once, in one transaction.
 */
@Component(service = PeriodicJob.class)
public class AcsRetentionJob implements PeriodicJob {

    private static final Logger LOG = LoggerFactory.getLogger(AcsRetentionJob.class);

    private final Store store;
    private final Clock clock;

    /** Started only once this bundle's tables are there (its {@code DMS-Changelog} applied). */
    @Reference(target = AcsTables.SCHEMA_FILTER)
    Schema tables;

    @Activate
    public AcsRetentionJob(@Reference Store store, @Reference Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "acs-retention";
    }

    @Override
    public Duration period() {
        return Duration.ofHours(1);
    }

    @Override
    public Duration firstRunAfter() {
        return Duration.ofMinutes(1);
    }

    @Override
    public void run() {
        int forgotten = store.inTransaction(transaction -> Endpoints.in(transaction).forgetDue(clock.instant()));
        if (forgotten > 0) {
            LOG.info("Forgot the devices of {} instances deleted more than {} days ago", forgotten, BuiltInAcsDeployer.RETENTION.toDays());
        }
    }
}
