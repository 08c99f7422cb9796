package org.dmscloud.rest.internal;

import javax.ws.rs.core.Application;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * The portal API's JAX-RS application: every resource and extension of DMS Cloud selects it, so they
 * all live under one base path and share one JSON and error handling.
 */
@Component(service = Application.class)
@JaxrsApplicationBase(PortalApplication.BASE)
@JaxrsName(PortalApplication.NAME)
public class PortalApplication extends Application {

    /** The base path; a breaking change of the API gets a new version here, never an edit in place. */
    static final String BASE = "api/v1";

    static final String NAME = "dmscloud-portal";

    /** What resources and extensions put in {@code @JaxrsApplicationSelect} to join this application. */
    static final String SELECT = "(osgi.jaxrs.name=" + NAME + ")";
}
