package org.dmscloud.rest.internal;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.dmscloud.api.customer.Customer;
import org.dmscloud.api.customer.InvalidInputException;
import org.dmscloud.api.payment.DocumentFile;
import org.dmscloud.api.payment.NewTopUp;
import org.dmscloud.api.payment.TopUp;
import org.dmscloud.api.payment.TopUpId;
import org.dmscloud.api.payment.TopUpNotFoundException;
import org.dmscloud.api.payment.TopUpService;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code /api/v1/account/top-ups}: putting money on the balance ("Update Account Balance"). Starting one
 * answers where to pay (a payment page) or what happens next (an invoice by mail); the balance is
 * credited when the provider confirms the money arrived. Starting takes an {@code Idempotency-Key}.
 */
@Component(service = TopUpsResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(PortalApplication.SELECT)
@Path("account/top-ups")
@Tag(name = "Top-ups", description = "Putting money on the balance: by card or by bank transfer")
@Produces(MediaType.APPLICATION_JSON)
@Secured
public class TopUpsResource {

    private static final int MAX_PAGE = 100;

    @Reference
    TopUpService topUps;

    @Context
    SecurityContext security;

    @GET
    public List<Views.TopUpView> list(@QueryParam("limit") @DefaultValue("20") String limitParameter) {
        int limit = QueryParameters.limit(limitParameter, 20, MAX_PAGE);
        return topUps.list(customer().account(), limit).stream().map(Views.TopUpView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "201", description = "Started: where to pay, or what happens next",
            content = @Content(schema = @Schema(implementation = Views.TopUpView.class)))
    public Response start(@HeaderParam(InstancesResource.IDEMPOTENCY_KEY) String key, Requests.StartTopUp request) {
        if (request == null) {
            throw new InvalidInputException(Map.of("body", "Send the top-up: provider and amount."));
        }
        Map<String, Object> required = new LinkedHashMap<>();
        required.put("provider", request.provider());
        required.put("amount", request.amount());
        Requests.require(required);
        Customer customer = customer();
        NewTopUp topUp = new NewTopUp(request.provider().trim(), Requests.money("amount", request.amount()),
                Optional.ofNullable(request.billingDetails()).map(Requests.BillingDetailsRequest::toBillingDetails), Requests.idempotencyKey(key));
        TopUp started = topUps.start(customer.account(), customer.email(), topUp);
        return Response.created(URI.create("account/top-ups/" + started.id())).entity(Views.TopUpView.of(started)).build();
    }

    @GET
    @Path("{id}")
    public Views.TopUpDetailView get(@PathParam("id") String id) {
        TopUpId topUpId = QueryParameters.topUp(id);
        Customer customer = customer();
        TopUp topUp = topUps.find(customer.account(), topUpId).orElseThrow(() -> new TopUpNotFoundException(id));
        return new Views.TopUpDetailView(Views.TopUpView.of(topUp),
                topUps.payments(customer.account(), topUpId).stream().map(Views.PaymentView::of).toList(),
                topUps.documents(customer.account(), topUpId).stream().map(Views.DocumentView::of).toList());
    }

    @POST
    @Path("{id}/cancel")
    public Views.TopUpView cancel(@PathParam("id") String id) {
        return Views.TopUpView.of(topUps.cancel(customer().account(), QueryParameters.topUp(id)));
    }

    /** The document's file (an invoice's PDF), as an attachment. */
    @GET
    @Path("{id}/documents/{number}")
    @Produces(MediaType.WILDCARD)
    @ApiResponse(responseCode = "200", description = "The document's file, such as an invoice's PDF",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")))
    public Response document(@PathParam("id") String id, @PathParam("number") String number) {
        DocumentFile file = topUps.document(customer().account(), QueryParameters.topUp(id), number).orElseThrow(NotFoundException::new);
        return Response.ok(file.content(), file.document().contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file.document().fileName().replace("\"", "") + "\"")
                .build();
    }

    private Customer customer() {
        return CustomerPrincipal.of(security);
    }
}
