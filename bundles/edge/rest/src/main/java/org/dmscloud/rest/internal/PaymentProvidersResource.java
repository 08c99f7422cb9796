package org.dmscloud.rest.internal;

import java.util.Currency;
import java.util.List;
import java.util.Optional;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.dmscloud.api.account.AccountNotFoundException;
import org.dmscloud.api.account.AccountService;
import org.dmscloud.api.customer.Customer;
import org.dmscloud.api.payment.PaymentProviderInfo;
import org.dmscloud.api.payment.PaymentProviders;
import org.dmscloud.api.payment.TopUpLimits;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code /api/v1/payment-providers}: the ways the customer's tenant lets them top up, with their limits in the signed-in customer's
 * currency. The list follows the provider bundles installed; why one is unavailable is for operators
 * (the shell), not customers.
 */
@Component(service = PaymentProvidersResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(PortalApplication.SELECT)
@Path("payment-providers")
@Tag(name = "Top-ups", description = "Putting money on the balance: by card or by bank transfer")
@Produces(MediaType.APPLICATION_JSON)
@Secured
public class PaymentProvidersResource {

    @Reference
    PaymentProviders providers;

    @Reference
    AccountService accounts;

    @Context
    SecurityContext security;

    @GET
    public List<Views.PaymentProviderView> list() {
        Customer customer = CustomerPrincipal.of(security);
        Currency currency = accounts.find(customer.account()).orElseThrow(() -> new AccountNotFoundException(customer.account()))
                .balance().currency();
        return providers.providers(customer.tenant()).stream()
                .map(provider -> view(provider, providers.limits(customer.tenant(), provider.id(), currency))).toList();
    }

    private static Views.PaymentProviderView view(PaymentProviderInfo provider, Optional<TopUpLimits> limits) {
        return new Views.PaymentProviderView(provider.id(), provider.displayName(), provider.available() && limits.isPresent(),
                provider.needsBillingDetails(), limits.map(l -> MoneyView.of(l.minimum())).orElse(null),
                limits.map(l -> MoneyView.of(l.maximum())).orElse(null));
    }
}
