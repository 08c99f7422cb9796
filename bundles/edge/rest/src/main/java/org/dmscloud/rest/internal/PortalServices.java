package org.dmscloud.rest.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.BaseDTO;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;

/**
 * The resources and extensions that bundles register for the portal API (ours and plugins', such as a
 * payment provider's webhook), and which of them the JAX-RS runtime serves: the API is ready only when it
 * serves every one. Read from the service registry and the runtime's own account, each time asked.
 */
final class PortalServices {

    private static final String SELECTS_PORTAL = "(osgi.jaxrs.application.select=\\(osgi.jaxrs.name=" + PortalApplication.NAME + "\\))";
    static final String RESOURCES = "(&(osgi.jaxrs.resource=true)" + SELECTS_PORTAL + ")";
    private static final String RESOURCES_AND_EXTENSIONS = "(&(|(osgi.jaxrs.resource=true)(osgi.jaxrs.extension=true))" + SELECTS_PORTAL + ")";

    private final BundleContext bundleContext;

    PortalServices(BundleContext bundleContext) {
        this.bundleContext = bundleContext;
    }

    /**
     * Whether Karaf has installed every boot feature: until then a stage of the start may still refresh the
     * bundles the API stands on, taking it away for seconds. Looked up by name, so that this bundle does not
     * depend on Karaf's features API for one service.
     */
    boolean bootFinished() {
        return bundleContext.getServiceReference("org.apache.karaf.features.BootFinished") != null;
    }

    /** The registered resources of the portal API, as their service references. */
    List<ServiceReference<?>> resources() {
        return references(RESOURCES);
    }

    /**
     * What is registered for the portal API but not served by this runtime (yet, or at all: a resource it
     * refused), by name; empty when the API serves everything.
     */
    Set<String> notServed(JaxrsServiceRuntime runtime) {
        RuntimeDTO state = runtime.getRuntimeDTO();
        Set<Long> served = new java.util.HashSet<>();
        for (ApplicationDTO application : state.applicationDTOs == null ? new ApplicationDTO[0] : state.applicationDTOs) {
            if (PortalApplication.NAME.equals(application.name)) {
                addIds(served, application.resourceDTOs);
                addIds(served, application.extensionDTOs);
            }
        }
        Set<String> waiting = new TreeSet<>();
        for (ServiceReference<?> reference : references(RESOURCES_AND_EXTENSIONS)) {
            if (!served.contains((Long) reference.getProperty(Constants.SERVICE_ID))) {
                waiting.add(name(reference));
            }
        }
        return waiting;
    }

    /**
     * The components of the portal API's own bundle that are enabled but not running: waiting for a service
     * they need (a resource whose customer service still waits for the database, say) or failed to start. A
     * resource that waits is not registered at all, so {@link #notServed} cannot see it; this does.
     * Components that wait for a configuration the operator has not given are not counted: that is a choice.
     */
    Set<String> notRunning(ServiceComponentRuntime components) {
        Bundle portal = bundleContext.getBundle();
        return notRunning(components.getComponentDescriptionDTOs(portal), description -> components.isComponentEnabled(description)
                ? components.getComponentConfigurationDTOs(description) : List.of());
    }

    static Set<String> notRunning(Collection<ComponentDescriptionDTO> descriptions,
            Function<ComponentDescriptionDTO, Collection<ComponentConfigurationDTO>> configurations) {
        Set<String> waiting = new TreeSet<>();
        for (ComponentDescriptionDTO description : descriptions) {
            for (ComponentConfigurationDTO configuration : configurations.apply(description)) {
                if (configuration.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE
                        || configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    waiting.add(description.name);
                }
            }
        }
        return waiting;
    }

    private List<ServiceReference<?>> references(String filter) {
        try {
            ServiceReference<?>[] references = bundleContext.getServiceReferences((String) null, filter);
            return references == null ? List.of() : List.of(references);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("the filter " + filter + " is wrong", e);
        }
    }

    private static void addIds(Set<Long> ids, BaseDTO[] dtos) {
        for (BaseDTO dto : dtos == null ? new BaseDTO[0] : dtos) {
            ids.add(dto.serviceId);
        }
    }

    private static String name(ServiceReference<?> reference) {
        Object component = reference.getProperty("component.name");
        if (component != null) {
            return component.toString();
        }
        List<String> types = new ArrayList<>(List.of((String[]) reference.getProperty(Constants.OBJECTCLASS)));
        return types.get(0) + " #" + reference.getProperty(Constants.SERVICE_ID);
    }
}
