package org.dmscloud.bench.api.floor;

import java.util.Hashtable;

import org.dmscloud.api.web.PortalApi;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** Registers the floor resource with the JAX-RS whiteboard, selecting the portal API's application. */
public class FloorActivator implements BundleActivator {

    private ServiceRegistration<FloorResource> registration;

    @Override
    public void start(BundleContext context) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("osgi.jaxrs.resource", Boolean.TRUE);
        // A constant, inlined by the compiler: the bundle imports nothing of the platform.
        properties.put("osgi.jaxrs.application.select", PortalApi.SELECT);
        registration = context.registerService(FloorResource.class, new FloorResource(), properties);
    }

    @Override
    public void stop(BundleContext context) {
        registration.unregister();
    }
}
