package org.dmscloud.rest.internal;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.dmscloud.api.acs.AcsCredentials;
import org.dmscloud.api.acs.AcsEndpoint;
import org.dmscloud.api.acs.AcsService;
import org.dmscloud.api.acs.Device;
import org.dmscloud.api.acs.DevicePage;
import org.dmscloud.api.acs.DeviceTask;
import org.dmscloud.api.acs.NewTask;
import org.dmscloud.api.acs.ParameterValue;
import org.dmscloud.api.acs.TaskKind;
import org.dmscloud.api.acs.TaskState;
import org.dmscloud.api.customer.InvalidInputException;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.problem.ApiProblem;
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
 * {@code /api/v1/instances/<id>/acs}: an instance's built-in ACS, where its CPE devices connect over TR-069: the
 * endpoint's address and user name, new credentials (the password shown once), and the devices it knows.
 */
@Component(service = InstanceAcsResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(PortalApplication.SELECT)
@Path("instances/{id}/acs")
@Tag(name = "Devices", description = "Each instance's TR-069 endpoint, its CPE credentials and its devices")
@Produces(MediaType.APPLICATION_JSON)
@Secured
public class InstanceAcsResource {

    static final int DEVICES_PAGE = 50;

    @Reference
    AcsService acs;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    /**
     * @param url             where the devices inform: the endpoint at this portal's address
     * @param username        the devices' Digest user name; null until credentials were asked for
     * @param refusedDevices  distinct new devices refused because the instance was full
     * @param limitReached    what to tell the customer when devices were refused, else null
     */
    public record EndpointView(String url, @Schema(nullable = true) String username, long expectedDevices, long devices, long refusedDevices,
            @Schema(nullable = true) String limitReached) {

        static EndpointView of(AcsEndpoint endpoint, String url) {
            String limit = endpoint.refusedDevices() == 0 ? null
                    : endpoint.refusedDevices() + (endpoint.refusedDevices() == 1 ? " device was" : " devices were")
                            + " refused: raise the expected devices to let " + (endpoint.refusedDevices() == 1 ? "it" : "them") + " in.";
            return new EndpointView(url, endpoint.username().orElse(null), endpoint.expectedDevices(), endpoint.devices(), endpoint.refusedDevices(),
                    limit);
        }
    }

    /** @param password shown this once: the platform keeps only its digest */
    public record CredentialsView(String url, String username, String password, String realm) {
    }

    public record DeviceView(@Schema(format = "uuid") String id, String oui, String productClass, String serialNumber, String manufacturer,
            String softwareVersion, String connectionRequestUrl, List<String> lastEvents, Instant firstInformAt, Instant lastInformAt) {

        static DeviceView of(Device device) {
            return new DeviceView(device.id(), device.oui(), device.productClass(), device.serialNumber(), device.manufacturer(),
                    device.softwareVersion(), device.connectionRequestUrl(), device.lastEvents(), device.firstInformAt(), device.lastInformAt());
        }
    }

    public record DevicePageView(List<DeviceView> devices, long total, int offset, int limit) {

        static DevicePageView of(DevicePage page) {
            return new DevicePageView(page.devices().stream().map(DeviceView::of).toList(), page.total(), page.offset(), page.limit());
        }
    }

    public record ParameterView(String name, String value, @Schema(description = "xsd:string, xsd:int, xsd:unsignedInt, xsd:long, "
            + "xsd:unsignedLong, xsd:boolean, xsd:dateTime, xsd:base64 or xsd:hexBinary; xsd:string when not given", nullable = true) String type) {

        static ParameterView of(ParameterValue parameter) {
            return new ParameterView(parameter.name(), parameter.value(), parameter.type().isEmpty() ? null : parameter.type());
        }
    }

    /**
     * @param names  for GET_PARAMETER_VALUES: the parameters to read
     * @param values for SET_PARAMETER_VALUES: the parameters to write
     */
    public record TaskRequest(TaskKind kind, @Schema(nullable = true) List<String> names, @Schema(nullable = true) List<ParameterView> values) {
    }

    /** @param answered what the device read, or the parameters it refused to set and why */
    public record TaskView(@Schema(format = "uuid") String id, @Schema(format = "uuid") String deviceId, TaskKind kind, TaskState state,
            List<String> names, List<ParameterView> values, List<ParameterView> answered, @Schema(nullable = true) Integer faultCode,
            @Schema(nullable = true) String faultString, Instant createdAt, @Schema(nullable = true) Instant sentAt,
            @Schema(nullable = true) Instant finishedAt) {

        static TaskView of(DeviceTask task) {
            return new TaskView(task.id(), task.deviceId(), task.kind(), task.state(), task.names(), task.values().stream().map(ParameterView::of).toList(),
                    task.answered().stream().map(ParameterView::of).toList(), task.faultCode().orElse(null), task.faultString().orElse(null),
                    task.createdAt(), task.sentAt().orElse(null), task.finishedAt().orElse(null));
        }
    }

    @GET
    public EndpointView endpoint(@PathParam("id") String id) {
        AcsEndpoint endpoint = acs.endpoint(CustomerPrincipal.of(security).account(), QueryParameters.instance(id));
        return EndpointView.of(endpoint, url(endpoint.path()));
    }

    @POST
    @Path("credentials")
    @ApiResponse(responseCode = "200", description = "New credentials: the devices' old password stops working at once")
    @ApiResponse(responseCode = "409", description = "This Idempotency-Key made the current credentials already; their password was shown "
            + "then and is not kept: ask again with a new key for a new one")
    public Response newCredentials(@PathParam("id") String id, @HeaderParam(InstancesResource.IDEMPOTENCY_KEY) String key) {
        InstanceId instance = QueryParameters.instance(id);
        AcsCredentials credentials = acs.newCredentials(CustomerPrincipal.of(security).account(), instance,
                Requests.idempotencyKey(key).orElseGet(() -> UUID.randomUUID().toString()))
                .orElseThrow(() -> new CredentialsShownException());
        return Response.ok(new CredentialsView(url("/cwmp/" + instance), credentials.username(), credentials.password(), credentials.realm()))
                .header("Cache-Control", "no-store").build();
    }

    /** The credentials this request made were answered already, and their password is not kept. */
    static final class CredentialsShownException extends RuntimeException implements ApiProblem {

        private static final long serialVersionUID = 1L;

        CredentialsShownException() {
            super("These credentials were made by this Idempotency-Key already, and their password was shown then and is not kept. "
                    + "Ask with a new key for a new password.");
        }

        @Override
        public String problemType() {
            return "credentials-shown";
        }

        @Override
        public int problemStatus() {
            return 409;
        }
    }

    @GET
    @Path("devices")
    public DevicePageView devices(@PathParam("id") String id, @QueryParam("search") String search, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit) {
        return DevicePageView.of(acs.devices(CustomerPrincipal.of(security).account(), QueryParameters.instance(id), search == null ? "" : search,
                QueryParameters.offset(offset), QueryParameters.limit(limit, DEVICES_PAGE, 500)));
    }

    @POST
    @Path("devices/{device}/tasks")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "201", description = "Queued: sent in the device's next session",
            content = @Content(schema = @Schema(implementation = TaskView.class)))
    public Response queueTask(@PathParam("id") String id, @PathParam("device") String device, TaskRequest request) {
        if (request == null || request.kind() == null) {
            throw new InvalidInputException(Map.of("kind", "Say what to do: " + List.of(TaskKind.values()) + "."));
        }
        List<ParameterValue> values = request.values() == null ? List.of()
                : request.values().stream().map(v -> {
                    if (v == null || v.name() == null || v.value() == null) {
                        throw new InvalidInputException(Map.of("values", "Each value has a name and a value."));
                    }
                    return new ParameterValue(v.name(), v.value(), v.type() == null ? "xsd:string" : v.type());
                }).toList();
        List<String> names = request.names() == null ? List.of() : request.names();
        if (names.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidInputException(Map.of("names", "A name is text."));
        }
        DeviceTask task = acs.queueTask(CustomerPrincipal.of(security).account(), QueryParameters.instance(id), device,
                new NewTask(request.kind(), names, values));
        return Response.created(URI.create("instances/" + id + "/acs/devices/" + device + "/tasks")).entity(TaskView.of(task)).build();
    }

    @GET
    @Path("devices/{device}/tasks")
    public List<TaskView> tasks(@PathParam("id") String id, @PathParam("device") String device) {
        return acs.tasks(CustomerPrincipal.of(security).account(), QueryParameters.instance(id), device).stream().map(TaskView::of).toList();
    }

    /** The endpoint at the address the customer reaches this portal at: its brand's, or the one this request came to. */
    private String url(String path) {
        return RequestTenant.of(request).portalUrl().orElseGet(() -> {
            URI requested = uri.getBaseUri();
            return requested.getScheme() + "://" + requested.getRawAuthority();
        }) + path;
    }
}
