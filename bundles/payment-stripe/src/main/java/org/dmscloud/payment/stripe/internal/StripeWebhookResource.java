package org.dmscloud.payment.stripe.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.HeaderParam;
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
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code POST /api/v1/payments/stripe/webhook}: the endpoint to register in Stripe's dashboard for the
 * events checkout.session.completed, checkout.session.async_payment_succeeded,
 * checkout.session.async_payment_failed and checkout.session.expired. Public: the signature is the
 * authentication. The body is read as bytes, because the signature covers them exactly.
 */
@Component(service = StripeWebhookResource.class, scope = ServiceScope.PROTOTYPE)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(PortalApi.SELECT)
@Path("payments/stripe/webhook")
public class StripeWebhookResource {

    @Reference
    StripePaymentProvider provider;

    @Reference
    TopUpSettlement settlement;

    @Reference
    Clock clock;

    @Reference
    OperatorMail operatorMail;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@HeaderParam("Stripe-Signature") String signature, byte[] body) {
        StripeWebhook webhook = new StripeWebhook(settlement, provider::retrieve, operatorMail, provider.webhookSecret(),
                provider.webhookToleranceSeconds(), clock);
        try {
            StripeWebhook.Delivery delivery = webhook.receive(new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8), signature);
            // 503 makes Stripe deliver the event again later; any 2xx ends its deliveries.
            return Response.status(delivery.accepted() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                    .entity(Map.of("received", delivery.accepted(), "outcome", delivery.outcome())).build();
        } catch (StripeWebhook.RefusedException e) {
            return Response.status(Response.Status.BAD_REQUEST).type("application/problem+json")
                    .entity(Map.of("type", "https://dmscloud.org/problems/invalid-webhook", "title", "Bad Request", "status", 400,
                            "detail", e.getMessage()))
                    .build();
        }
    }
}
