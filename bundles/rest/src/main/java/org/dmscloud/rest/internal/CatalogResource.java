package org.dmscloud.rest.internal;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.dmscloud.api.catalog.Catalog;
import org.dmscloud.api.catalog.CatalogOption;
import org.dmscloud.api.catalog.CatalogPackage;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /api/v1/catalog}: the packages and options on sale now (those with a price). Public. Prices
 * depend on the configuration, so a customer asks for a quote to see them.
 */
@Component(service = CatalogResource.class, scope = ServiceScope.PROTOTYPE)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(PortalApplication.SELECT)
@Path("catalog")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    @Reference
    Catalog catalog;

    public record CatalogView(List<Views.PackageView> packages, List<Views.OptionView> options) {
    }

    @GET
    public CatalogView catalog() {
        return new CatalogView(catalog.packages().stream().filter(CatalogPackage::priced).map(Views.PackageView::of).toList(),
                catalog.options().stream().filter(CatalogOption::priced).map(Views.OptionView::of).toList());
    }
}
