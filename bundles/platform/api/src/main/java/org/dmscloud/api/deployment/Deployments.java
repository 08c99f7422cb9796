package org.dmscloud.api.deployment;

import java.util.Optional;

import org.dmscloud.api.instance.InstanceId;
import org.osgi.annotation.versioning.ProviderType;

/** The deployments of instances, for the API, the portal and operators. */
@ProviderType
public interface Deployments {

    /** The instance's deployment; empty for an instance whose deployment was never asked for. */
    Optional<DeploymentStatus> find(InstanceId instance);

    /**
     * Tries the instance's pending change again now, instead of after its pause (an operator fixed the cause).
     *
     * @return whether a change was pending
     */
    boolean retry(InstanceId instance);
}
