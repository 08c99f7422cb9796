package org.dmscloud.customers.internal;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.dmscloud.persistence.Schema;
import org.dmscloud.persistence.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the failed sign-in counts that say nothing any more (their window ended and their wait ran out),
 * so that the table holds only live counts however many addresses are tried. Every node may run it.
 */
@Component(immediate = true)
public class SignInFailureCleanup {

    private static final Logger LOG = LoggerFactory.getLogger(SignInFailureCleanup.class);
    private static final long INTERVAL_MINUTES = 10;

    private final Store store;
    private final Clock clock;
    private final ScheduledExecutorService executor;

    /** Started only once this bundle's tables are there (its {@code DMS-Changelog} applied). */
    @Reference(target = CustomerTables.SCHEMA_FILTER)
    Schema tables;

    @Activate
    public SignInFailureCleanup(@Reference Store store, @Reference Clock clock) {
        this.store = store;
        this.clock = clock;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "dmscloud-sign-in-failure-cleanup");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::cleanUp, INTERVAL_MINUTES, INTERVAL_MINUTES, TimeUnit.MINUTES);
    }

    @Deactivate
    void stop() {
        executor.shutdownNow();
    }

    /** @return how many counts were deleted */
    int cleanUp() {
        try {
            int deleted = store.inTransaction(tx -> SignInFailures.in(tx).deleteExpired(clock.instant()));
            if (deleted > 0) {
                LOG.debug("Deleted {} expired failed sign-in counts", deleted);
            }
            return deleted;
        } catch (Throwable e) { // a scheduled task that throws is never run again
            LOG.warn("Expired failed sign-in counts could not be deleted: {}", e.toString());
            return 0;
        }
    }
}
