package org.dmscloud.contact.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "DMS Cloud Contact Us", description = "Limits on the public Contact Us form.")
public @interface ContactConfiguration {

    String PID = "org.dmscloud.contact";

    @AttributeDefinition(description = "Messages taken from one client address within the window; more are refused with 429.")
    int maxPerAddress() default 5;

    @AttributeDefinition(description = "Messages taken from everywhere within the window, so that a flood from many addresses "
            + "cannot bury the operators' mailbox.")
    int maxOverall() default 200;

    @AttributeDefinition(description = "The rate limit's window, in minutes.")
    int windowMinutes() default 60;
}
