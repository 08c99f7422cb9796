package org.dmscloud.api.deployment;

/** What an instance's deployment is doing. */
public enum DeploymentState {
    /** Being made, not serving devices yet. */
    PROVISIONING,
    /** Serving its devices. */
    RUNNING,
    /** Made, not serving its devices (the instance is disabled). */
    SUSPENDED,
    /** The last attempt failed, for the reason given; it is tried again. */
    FAILED,
    /** Removed: the instance was deleted. */
    DEPROVISIONED
}
