package org.dmscloud.clock.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "DMS Cloud clock", description = "The clock that billing and everything time-dependent reads.")
public @interface ClockConfiguration {

    @AttributeDefinition(description = "Dev/test mode: allow operators to set and shift the clock. Never in production.")
    boolean adjustable() default false;

    @AttributeDefinition(description = "How far the clock is from the system clock, as an ISO-8601 duration such as PT36H. "
            + "Written by the dms:clock-set and dms:clock-shift commands; ignored unless adjustable.")
    String offset() default "PT0S";
}
