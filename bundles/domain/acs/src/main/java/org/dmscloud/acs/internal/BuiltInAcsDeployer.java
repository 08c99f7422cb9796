package org.dmscloud.acs.internal;

import java.time.Clock;
import java.time.Duration;

import org.dmscloud.acs.internal.auth.Endpoints;
import org.dmscloud.persistence.Schema;
import org.dmscloud.persistence.Store;
import org.dmscloud.spi.deploy.Deployment;
import org.dmscloud.spi.deploy.InstanceDeployer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The platform's own deployer: it hosts instances in the built-in multi-tenant ACS, which serves every instance at
 * {@code /cwmp/<id>} from the moment it exists and reads its state and limit on each request. Provisioning makes
 * sure the ACS's key is there; suspending, resuming and new settings take effect at the devices' next request with
 * nothing to do here; deprovisioning keeps what the instance's devices told for a retention period, after which
 * {@link AcsRetentionJob} forgets it.
 */
@Component(property = InstanceDeployer.DEPLOYER_ID + "=" + InstanceDeployer.BUILT_IN)
public class BuiltInAcsDeployer implements InstanceDeployer {

    /** How long a deleted instance's devices, tasks and credentials are kept (support questions, an undo by an operator). */
    static final Duration RETENTION = Duration.ofDays(30);

    private final Store store;
    private final Clock clock;

    /** Started only once this bundle's tables are there (its {@code DMS-Changelog} applied). */
    @Reference(target = AcsTables.SCHEMA_FILTER)
    Schema tables;

    @Activate
    public BuiltInAcsDeployer(@Reference Store store, @Reference Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void provision(Deployment deployment) {
        store.inTransaction(transaction -> Endpoints.in(transaction).key(clock.instant()));
    }

    @Override
    public void suspend(Deployment deployment) {
        // The endpoint answers 503 while the instance is disabled: nothing to stop.
    }

    @Override
    public void resume(Deployment deployment) {
        // The endpoint lets the devices in again as soon as the instance is enabled.
    }

    @Override
    public void apply(Deployment deployment) {
        // The limit is the instance's expected devices, read at each Inform.
    }

    @Override
    public void deprovision(Deployment deployment) {
        store.inTransaction(transaction -> Endpoints.in(transaction).forgetAfter(deployment.instance().toString(), clock.instant().plus(RETENTION)));
    }
}
