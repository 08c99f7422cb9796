package org.dmscloud.deployments.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "DMS Cloud deployments", description = "How instances' deployments follow their lifecycle.")
public @interface DeploymentConfiguration {

    String PID = "org.dmscloud.deployments";

    @AttributeDefinition(description = "How often (milliseconds) deployments that are behind are looked for.")
    long pollMillis() default 1000;

    @AttributeDefinition(description = "Seconds before a failed deployment is tried again; doubled after each failure, up to 3600.")
    int firstRetrySeconds() default 10;

    @AttributeDefinition(description = "Seconds a node holds a deployment while its deployer works; another node takes it over after that.")
    int claimSeconds() default 300;

    @AttributeDefinition(description = "Seconds one call into a deployer (provision, suspend, resume, apply, deprovision) may take before it "
            + "counts as failed and is tried again later; at most claimSeconds - 30, so that no other node takes the deployment over meanwhile.")
    int callTimeoutSeconds() default 240;
}
