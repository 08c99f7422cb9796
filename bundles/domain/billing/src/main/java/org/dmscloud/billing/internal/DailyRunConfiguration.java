package org.dmscloud.billing.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "DMS Cloud daily run", description = "When and how the daily billing run bills every enabled instance.")
public @interface DailyRunConfiguration {

    String PID = "org.dmscloud.billing.run";

    @AttributeDefinition(description = "Time of day (UTC, HH:mm) after which the day's run starts; a missed run is caught up at start.")
    String runAt() default "00:05";

    @AttributeDefinition(description = "How often (seconds) the scheduler looks whether today's run is due.")
    int checkIntervalSeconds() default 30;

    @AttributeDefinition(description = "Whether this node runs the daily run on schedule. Several nodes may: nobody is charged twice.")
    boolean scheduled() default true;

    @AttributeDefinition(description = "Instances billed per transaction.")
    int batchSize() default 500;

    @AttributeDefinition(description = "Workers billing at once, each a share of the accounts (one database connection each).")
    int workers() default 2;

    @AttributeDefinition(description = "This node's name in the run records; empty for the Karaf instance name.")
    String node() default "";

    @AttributeDefinition(description = "Minutes after a run that left instances unbilled (a plugin failing, say) before the day's next run "
            + "tries them again.")
    int retryFailedAfterMinutes() default 15;

    @AttributeDefinition(description = "Minutes after its start after which a run still recorded as running, on any node, has nobody "
            + "working on it any more: it is marked failed as abandoned when the next run starts.")
    int abandonedAfterMinutes() default 120;
}
