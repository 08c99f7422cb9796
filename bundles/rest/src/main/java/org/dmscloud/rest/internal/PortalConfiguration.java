package org.dmscloud.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "DMS Cloud portal", description = "How the portal finds the tenant a request is for.")
public @interface PortalConfiguration {

    String PID = "org.dmscloud.portal";

    @AttributeDefinition(description = "A header a trusted reverse proxy sets to the host the client asked for, such as X-Forwarded-Host; "
            + "empty to use the Host header. Set it only behind a proxy that overwrites it, or clients choose their tenant.")
    String trustedHostHeader() default "";

    @AttributeDefinition(description = "What a request to a host no tenant has gets: DEFAULT_TENANT (the platform's portal) or NOT_FOUND.")
    UnknownHosts unknownHosts() default UnknownHosts.DEFAULT_TENANT;

    /** What a host no tenant answers at gets. */
    enum UnknownHosts {
        DEFAULT_TENANT,
        NOT_FOUND
    }
}
