package org.dmscloud.shell.internal;

import org.dmscloud.api.deployment.DeploymentStatus;

/** A deployment as the shell prints it. */
final class DeploymentText {

    private DeploymentText() {
    }

    static String line(DeploymentStatus deployment) {
        return deployment.state() + " by " + deployment.deployer() + ", since " + deployment.updatedAt()
                + deployment.reason().map(reason -> ": " + reason).orElse("")
                + (deployment.pending() ? " (a change pending, " + deployment.attempts() + " attempts failed, next at "
                        + deployment.nextAttemptAt().map(Object::toString).orElse("once claimed") + ")" : "");
    }
}
