package org.dmscloud.customers.internal;

import java.time.Clock;
import java.time.Duration;

import org.dmscloud.api.job.PeriodicJob;
import org.dmscloud.persistence.Schema;
import org.dmscloud.persistence.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the failed sign-in counts that say nothing any more (their window ended and their wait ran out),
 * so that the table holds only live counts however many addresses are tried. A job every node runs.
 */
@Component(service = PeriodicJob.class)
public class SignInFailureCleanup implements PeriodicJob {

    private static final Logger LOG = LoggerFactory.getLogger(SignInFailureCleanup.class);

    private final Store store;
    private final Clock clock;

    /** Started only once this bundle's tables are there (its {@code DMS-Changelog} applied). */
    @Reference(target = CustomerTables.SCHEMA_FILTER)
    Schema tables;

    @Activate
    public SignInFailureCleanup(@Reference Store store, @Reference Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "sign-in-failure-cleanup";
    }

    @Override
    public Duration period() {
        return Duration.ofMinutes(10);
    }

    @Override
    public void run() {
        cleanUp();
    }

    /** @return how many counts were deleted */
    int cleanUp() {
        int deleted = store.inTransaction(tx -> SignInFailures.in(tx).deleteExpired(clock.instant()));
        if (deleted > 0) {
            LOG.debug("Deleted {} expired failed sign-in counts", deleted);
        }
        return deleted;
    }
}
