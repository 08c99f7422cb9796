package org.dmscloud.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "DMS Cloud portal", description = "How the portal finds the tenant a request is for, and its client's address.")
public @interface PortalConfiguration {

    String PID = "org.dmscloud.portal";

    @AttributeDefinition(description = "A header a trusted reverse proxy sets to the host the client asked for, such as X-Forwarded-Host; "
            + "empty to use the Host header. Set it only behind a proxy that overwrites it, or clients choose their tenant.")
    String trustedHostHeader() default "";

    @AttributeDefinition(description = "A header a trusted reverse proxy sets to the client's address, such as X-Forwarded-For (of a list, "
            + "the last address counts: the one the proxy saw); empty to use the connection's address. Set it only behind a proxy that sets "
            + "it, with the nodes reachable through that proxy alone, or clients choose the address their sign-in and contact limits count.")
    String trustedClientAddressHeader() default "";

    @AttributeDefinition(description = "What a request to a host no tenant has gets: DEFAULT_TENANT (the platform's portal) or NOT_FOUND.")
    UnknownHosts unknownHosts() default UnknownHosts.DEFAULT_TENANT;

    /** What a host no tenant answers at gets. */
    enum UnknownHosts {
        DEFAULT_TENANT,
        NOT_FOUND
    }
}
