package org.dmscloud.rest.internal;

import java.util.ArrayList;
import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * {@code GET /api/v1/openapi.json}: the OpenAPI 3 description of every resource of the portal API that is
 * registered right now, whichever bundle contributes it. Swagger UI shows it at {@code /docs/}.
 */
@Component(service = OpenApiResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(PortalApplication.SELECT)
@Path("openapi.json")
public class OpenApiResource {

    private final BundleContext bundleContext;

    @Activate
    public OpenApiResource(BundleContext bundleContext) {
        this.bundleContext = bundleContext;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Hidden
    public JsonNode openApi() throws ClassNotFoundException {
        List<Class<?>> resources = new ArrayList<>();
        for (ServiceReference<?> reference : new PortalServices(bundleContext).resources()) {
            String type = ((String[]) reference.getProperty(Constants.OBJECTCLASS))[0];
            resources.add(reference.getBundle().loadClass(type));
        }
        return OpenApiDocument.json(OpenApiDocument.of(bundleContext.getBundle().getHeaders().get("DMS-Version"), resources));
    }
}
