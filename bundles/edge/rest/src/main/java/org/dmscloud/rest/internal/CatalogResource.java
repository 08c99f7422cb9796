package org.dmscloud.rest.internal;

import java.util.Currency;
import java.util.List;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.catalog.Catalog;
import org.dmscloud.api.catalog.CatalogOption;
import org.dmscloud.api.catalog.CatalogPackage;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.catalog.Pricing;
import org.dmscloud.api.customer.InvalidInputException;
import org.dmscloud.api.money.Money;
import org.dmscloud.api.tenant.Tenant;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET /api/v1/catalog}: the packages and options the host's tenant sells now (those with a price), and
 * {@code GET /api/v1/catalog/price}: the daily rate of a configuration with its breakdown at the tenant's prices.
 * Both public, for the landing page's price calculator; what an action costs a signed-in customer right now
 * is a quote.
 */
@Component(service = CatalogResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(PortalApplication.SELECT)
@Path("catalog")
@Tag(name = "Catalog", description = "What is on sale, and at what price; public")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    @Reference
    Catalog catalog;

    @Reference
    Pricing pricing;

    @Context
    HttpServletRequest http;

    public record CatalogView(List<Views.PackageView> packages, List<Views.OptionView> options) {
    }

    @GET
    @Path("price")
    public Views.RateView price(@QueryParam("packageId") String packageId, @QueryParam("expectedDevices") String expectedDevices,
            @QueryParam("optionIds") List<String> optionIds, @QueryParam("currency") String currency) {
        long devices = QueryParameters.positiveLong("expectedDevices", expectedDevices, 0);
        InstanceConfiguration configuration = Requests.configuration(packageId, devices == 0 ? null : devices, optionIds);
        Tenant tenant = RequestTenant.of(http);
        Currency chosen;
        try {
            chosen = currency == null || currency.isBlank() ? tenant.settings().currency() : Money.currencyOf(currency);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(Map.of("currency", "An ISO 4217 currency code such as EUR."));
        }
        return Views.RateView.of(pricing.dailyRate(tenant.id(), configuration, chosen));
    }

    @GET
    public CatalogView catalog() {
        TenantId tenant = RequestTenant.idOf(http);
        return new CatalogView(catalog.packages(tenant).stream().filter(CatalogPackage::priced).map(Views.PackageView::of).toList(),
                catalog.options(tenant).stream().filter(CatalogOption::priced).map(Views.OptionView::of).toList());
    }
}
