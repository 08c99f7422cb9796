package org.dmscloud.spi.deploy;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Deploys the instances of the packages that name it ({@link org.dmscloud.spi.catalog.InstancePackage#deployer()}),
 * as a whiteboard service with the property {@link #DEPLOYER_ID}.
 * <p>
 * The platform calls it outside any transaction, one call at a time per instance, and records the outcome as the
 * instance's deployment state ({@code PROVISIONING}, {@code RUNNING}, {@code SUSPENDED}, {@code FAILED} with the
 * exception's message as the reason). Each call may take at most {@code callTimeoutSeconds} (etc/org.dmscloud.deployments.cfg,
 * 240 s by default): one that has not returned by then counts as failed, and the deployer has at most 4 calls running
 * at once, so a deployer that hangs holds a few threads, never the platform's rounds. A call that throws or times out is
 * made again later, with growing pauses (up to an hour),
 * until it succeeds or an operator retries it at once ({@code dms:deployment-retry}); so every method is idempotent:
 * called again after a partial failure, it finds what it made before and completes it. A deployer that is not there
 * (its bundle stopped) leaves its instances waiting until it is back.
 */
@ConsumerType
public interface InstanceDeployer {

    /** Service property: the deployer's id, as packages name it; lowercase letters, digits and '-'. Required. */
    String DEPLOYER_ID = "dms.deployer.id";

    /** The platform's own deployer, which hosts instances in its built-in multi-tenant ACS. */
    String BUILT_IN = org.dmscloud.api.catalog.CatalogPackage.BUILT_IN_DEPLOYER;

    /** Makes the instance exist and serve its devices. */
    void provision(Deployment deployment) throws Exception;

    /** Stops it serving its devices, keeping everything it knows (the customer disabled it, or it ran out of money). */
    void suspend(Deployment deployment) throws Exception;

    /** Serves its devices again, as before {@link #suspend}. */
    void resume(Deployment deployment) throws Exception;

    /** Applies new settings (expected devices, options) to a provisioned instance, running or suspended. */
    void apply(Deployment deployment) throws Exception;

    /** Removes the instance for good (it was deleted); what it knew may be kept for a retention period. */
    void deprovision(Deployment deployment) throws Exception;
}
