package org.dmscloud.rest.internal;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.dmscloud.api.customer.Customer;
import org.dmscloud.api.customer.InvalidInputException;
import org.dmscloud.api.deployment.DeploymentState;
import org.dmscloud.api.deployment.DeploymentStatus;
import org.dmscloud.api.deployment.Deployments;
import org.dmscloud.api.instance.ActionOptions;
import org.dmscloud.api.instance.Instance;
import org.dmscloud.api.instance.InstanceChange;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.instance.InstanceNotFoundException;
import org.dmscloud.api.instance.InstanceService;
import org.dmscloud.api.instance.NewInstance;
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
 * {@code /api/v1/instances}: the signed-in customer's instances and their lifecycle, each action with its
 * billing effect. Actions take an {@code Idempotency-Key} header (a retry answers what the first did) and
 * a {@code quoteId} (the action is refused if the amount is no longer the quoted one).
 */
@Component(service = InstancesResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(PortalApplication.SELECT)
@Path("instances")
@Tag(name = "Instances", description = "The account's DMS instances and their lifecycle, each action with its billing effect")
@Produces(MediaType.APPLICATION_JSON)
@Secured
public class InstancesResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    @Reference
    InstanceService instances;

    @Reference
    Deployments deployments;

    /**
     * @param reason        why the last attempt failed; null unless FAILED
     * @param pending       whether a change asked for is not done yet
     * @param nextAttemptAt when it is tried next, while pending
     */
    public record DeploymentView(DeploymentState state, @Schema(nullable = true) String reason, boolean pending, int attempts,
            @Schema(nullable = true) Instant nextAttemptAt, Instant updatedAt) {

        static DeploymentView of(DeploymentStatus status) {
            return new DeploymentView(status.state(), status.reason().orElse(null), status.pending(), status.attempts(),
                    status.nextAttemptAt().orElse(null), status.updatedAt());
        }
    }

    @Context
    SecurityContext security;

    @GET
    public List<Views.InstanceView> list() {
        return instances.list(customer().account()).stream().map(Views.InstanceView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "201", description = "Created, with its charge if it was created enabled",
            content = @Content(schema = @Schema(implementation = Views.InstanceChangeView.class)))
    public Response create(@HeaderParam(IDEMPOTENCY_KEY) String key, Requests.CreateInstance request) {
        if (request == null) {
            throw new InvalidInputException(Map.of("body", "Send the instance to create."));
        }
        Map<String, Object> required = new LinkedHashMap<>();
        required.put("name", request.name());
        required.put("enabled", request.enabled());
        Requests.require(required);
        NewInstance instance = new NewInstance(Requests.instanceName(request.name()), request.configuration(), request.enabled());
        InstanceChange change = instances.create(customer().account(), instance, options(key, request.quoteId()));
        return answer(Response.created(URI.create("instances/" + change.instance().id())), change);
    }

    @GET
    @Path("{id}")
    public Views.InstanceView get(@PathParam("id") String id) {
        InstanceId instance = QueryParameters.instance(id);
        return instances.find(customer().account(), instance).map(Views.InstanceView::of)
                .orElseThrow(() -> new InstanceNotFoundException(instance));
    }

    @GET
    @Path("{id}/deployment")
    @ApiResponse(responseCode = "200", description = "Where the instance's deployment stands: PROVISIONING, RUNNING, SUSPENDED, FAILED with "
            + "the reason (tried again), DEPROVISIONED", content = @Content(schema = @Schema(implementation = DeploymentView.class)))
    public DeploymentView deployment(@PathParam("id") String id) {
        InstanceId instance = QueryParameters.instance(id);
        Instance found = instances.find(customer().account(), instance).orElseThrow(() -> new InstanceNotFoundException(instance));
        // Its lifecycle's first event not taken yet (a moment after it was made): on its way.
        return deployments.find(instance).map(DeploymentView::of)
                .orElseGet(() -> new DeploymentView(DeploymentState.PROVISIONING, null, true, 0, null, found.createdAt()));
    }

    @PUT
    @Path("{id}/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", description = "The instance after the action, and its charge or credit",
            content = @Content(schema = @Schema(implementation = Views.InstanceChangeView.class)))
    public Response changeSettings(@PathParam("id") String id, @HeaderParam(IDEMPOTENCY_KEY) String key, Requests.Settings request) {
        InstanceId instance = QueryParameters.instance(id);
        if (request == null) {
            throw new InvalidInputException(Map.of("body", "Send the new settings."));
        }
        return answer(Response.ok(), instances.changeSettings(customer().account(), instance, request.configuration(),
                options(key, request.quoteId())));
    }

    @POST
    @Path("{id}/enable")
    @ApiResponse(responseCode = "200", description = "The instance after the action, and its charge or credit",
            content = @Content(schema = @Schema(implementation = Views.InstanceChangeView.class)))
    public Response enable(@PathParam("id") String id, @HeaderParam(IDEMPOTENCY_KEY) String key, @QueryParam("quoteId") String quote) {
        return answer(Response.ok(), instances.enable(customer().account(), QueryParameters.instance(id), options(key, quoteId(quote))));
    }

    @POST
    @Path("{id}/disable")
    @ApiResponse(responseCode = "200", description = "The instance after the action, and its charge or credit",
            content = @Content(schema = @Schema(implementation = Views.InstanceChangeView.class)))
    public Response disable(@PathParam("id") String id, @HeaderParam(IDEMPOTENCY_KEY) String key) {
        return answer(Response.ok(), instances.disable(customer().account(), QueryParameters.instance(id), options(key, null)));
    }

    @DELETE
    @Path("{id}")
    @ApiResponse(responseCode = "200", description = "The instance after the action, and its charge or credit",
            content = @Content(schema = @Schema(implementation = Views.InstanceChangeView.class)))
    public Response delete(@PathParam("id") String id, @HeaderParam(IDEMPOTENCY_KEY) String key, @QueryParam("quoteId") String quote) {
        return answer(Response.ok(), instances.delete(customer().account(), QueryParameters.instance(id), options(key, quoteId(quote))));
    }

    private Customer customer() {
        return CustomerPrincipal.of(security);
    }

    private static ActionOptions options(String key, UUID quote) {
        return new ActionOptions(Requests.idempotencyKey(key), Optional.ofNullable(quote));
    }

    private static UUID quoteId(String quote) {
        if (quote == null || quote.isEmpty()) {
            return null;
        }
        try {
            return UUID.fromString(quote);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(Map.of("quoteId", "Not a quote id."));
        }
    }

    private static Response answer(Response.ResponseBuilder response, InstanceChange change) {
        if (change.replayed()) {
            response.header(REPLAYED, "true");
        }
        return response.entity(Views.InstanceChangeView.of(change)).build();
    }
}
