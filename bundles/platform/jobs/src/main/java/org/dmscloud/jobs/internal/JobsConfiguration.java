package org.dmscloud.jobs.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "DMS Cloud jobs", description = "When the platform's periodic jobs need an operator.")
public @interface JobsConfiguration {

    String PID = "org.dmscloud.jobs";

    @AttributeDefinition(description = "Failed runs in a row after which a job is shown in health's attention.")
    int failuresBeforeAttention() default 3;

    @AttributeDefinition(description = "Minutes a run may take before the job is shown in health's attention as stuck.")
    int stuckAfterMinutes() default 30;
}
