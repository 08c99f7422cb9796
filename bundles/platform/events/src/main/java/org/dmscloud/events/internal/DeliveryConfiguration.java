package org.dmscloud.events.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "DMS Cloud instance events", description = "How instance events reach the plugins that listen to them.")
public @interface DeliveryConfiguration {

    String PID = "org.dmscloud.events";

    @AttributeDefinition(description = "How often (milliseconds) committed events are put in order and delivered.")
    long pollMillis() default 500;

    @AttributeDefinition(description = "Events delivered to a listener per transaction.")
    int batchSize() default 200;

    @AttributeDefinition(description = "Seconds before a listener that failed on an event gets it again; doubled after each failure, up to 300.")
    int firstRetrySeconds() default 5;

    @AttributeDefinition(description = "Days an event is kept after it happened; a listener stopped for longer misses what is older.")
    int retentionDays() default 30;

    @AttributeDefinition(description = "Seconds a listener's transaction (its events of one round) may take before it counts as failed and "
            + "gets them again later; while it still runs, that listener gets nothing more.")
    int listenerTimeoutSeconds() default 30;
}
