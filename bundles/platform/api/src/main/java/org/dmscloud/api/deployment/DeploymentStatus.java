package org.dmscloud.api.deployment;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.dmscloud.api.instance.InstanceId;

/**
 * An instance's deployment as it stands.
 *
 * @param deployer      the id of the deployer that makes it
 * @param reason        why the last attempt failed, in the deployer's words; empty unless {@link DeploymentState#FAILED}
 * @param pending       whether a change the instance's lifecycle asked for is not done yet
 * @param nextAttemptAt when it is tried next, while pending
 */
public record DeploymentStatus(InstanceId instance, String deployer, DeploymentState state, Optional<String> reason, boolean pending, int attempts,
        Optional<Instant> nextAttemptAt, Instant updatedAt) {

    public DeploymentStatus {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(deployer, "deployer");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
