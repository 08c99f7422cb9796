package org.dmscloud.payment.stripe.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.ws.rs.Consumes;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PathParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.dmscloud.api.mail.OperatorMail;
import org.dmscloud.api.payment.TopUpSettlement;
import org.dmscloud.api.web.PortalApi;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code POST /api/v1/payments/stripe/webhook} (the platform's Stripe account) and {@code
 * /api/v1/payments/stripe/webhook/<provider id>} (a tenant's own): the endpoint to register in Stripe's dashboard for the
 * events checkout.session.completed, checkout.session.async_payment_succeeded,
 * checkout.session.async_payment_failed and checkout.session.expired. Public: the signature is the
 * authentication. The body is read as bytes, because the signature covers them exactly.
 */
@Component(service = StripeWebhookResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(PortalApi.SELECT)
@Path("payments/stripe/webhook")
public class StripeWebhookResource {

    /** The platform's Stripe account and each tenant's own. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile List<StripePaymentProvider> accounts;

    @Reference
    TopUpSettlement settlement;

    @Reference
    Clock clock;

    @Reference
    OperatorMail operatorMail;

    /** The platform's Stripe account's endpoint. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@HeaderParam("Stripe-Signature") String signature, byte[] body) {
        return receive(StripePaymentProvider.ID, signature, body);
    }

    /** A tenant's own Stripe account's endpoint, named by its provider id. */
    @POST
    @Path("{provider}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receiveFor(@PathParam("provider") String providerId, @HeaderParam("Stripe-Signature") String signature, byte[] body) {
        return receive(providerId, signature, body);
    }

    private Response receive(String providerId, String signature, byte[] body) {
        Optional<StripePaymentProvider> account = accounts == null ? Optional.empty()
                : accounts.stream().filter(candidate -> candidate.id().equals(providerId)).findFirst();
        if (account.isEmpty()) {
            return problem(Response.Status.NOT_FOUND, "https://dmscloud.org/problems/not-found",
                    "There is no Stripe account '" + providerId + "' on this platform.");
        }
        StripePaymentProvider provider = account.get();
        StripeWebhook webhook = new StripeWebhook(provider.id(), settlement, provider::retrieve, operatorMail, provider.webhookSecret(),
                provider.webhookToleranceSeconds(), clock);
        try {
            StripeWebhook.Delivery delivery = webhook.receive(new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8), signature);
            // 503 makes Stripe deliver the event again later; any 2xx ends its deliveries.
            return Response.status(delivery.accepted() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                    .entity(Map.of("received", delivery.accepted(), "outcome", delivery.outcome())).build();
        } catch (StripeWebhook.RefusedException e) {
            return problem(Response.Status.BAD_REQUEST, "https://dmscloud.org/problems/invalid-webhook", e.getMessage());
        }
    }

    private static Response problem(Response.Status status, String type, String detail) {
        return Response.status(status).type("application/problem+json")
                .entity(Map.of("type", type, "title", status.getReasonPhrase(), "status", status.getStatusCode(), "detail", detail)).build();
    }
}
