package org.dmscloud.rest.internal;

import javax.ws.rs.core.Application;

import org.dmscloud.api.web.PortalApi;
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

    static final String BASE = PortalApi.BASE;

    static final String NAME = PortalApi.NAME;

    /** What resources and extensions put in {@code @JaxrsApplicationSelect} to join this application. */
    static final String SELECT = PortalApi.SELECT;
}
