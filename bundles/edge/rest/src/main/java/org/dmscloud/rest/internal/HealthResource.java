package org.dmscloud.rest.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.dmscloud.api.health.DatabaseHealth;
import org.dmscloud.api.health.DatabaseStatus;
import org.dmscloud.api.health.OperatorAttention;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/health}: 200 when the platform can serve customers, 503 when its database cannot
 * be reached or is not configured ({@code DOWN}), or while the platform is starting: Karaf has not installed
 * every boot feature yet, some resource or extension registered for the portal API is not served yet, or
 * some component of the portal API still waits for a service it needs, such as the customers' service for
 * the store ({@code STARTING}; also while a plugin bundle comes up). Public,
 * for load balancers and operators: it says what is wrong in the log, not in the answer, so that it
 * reveals no host names, credentials or internals.
 */
@Component(service = HealthResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(PortalApplication.SELECT)
@Path("health")
@Tag(name = "Health", description = "For load balancers and operators")
public class HealthResource {

    private static final Logger LOG = LoggerFactory.getLogger(HealthResource.class);

    private final Clock clock;
    private final String version;
    private final PortalReadiness readiness;

    // Optional: without a data source the endpoint must still answer, and say so.
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile DatabaseHealth databaseHealth;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile List<OperatorAttention> attentions = List.of();

    @Activate
    public HealthResource(@Reference Clock clock, @Reference PortalReadiness readiness, BundleContext bundleContext) {
        this(clock, bundleContext.getBundle().getHeaders().get("DMS-Version"), readiness);
    }

    HealthResource(Clock clock, String version, PortalReadiness readiness) {
        this.clock = clock;
        this.version = version;
        this.readiness = readiness;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", description = "UP: the platform serves customers",
            content = @Content(schema = @Schema(implementation = Health.class)))
    @ApiResponse(responseCode = "503", description = "DOWN (no database) or STARTING (not every resource served yet)",
            content = @Content(schema = @Schema(implementation = Health.class)))
    public Response health() {
        DatabaseHealth probe = databaseHealth;
        DatabaseStatus database = probe == null
                ? DatabaseStatus.down("no data source is registered; check etc/org.ops4j.datasource-dmscloud.cfg")
                : probe.check();
        if (!database.reachable()) {
            LOG.warn("Health check: the database is not reachable: {}", database.detail());
        }
        PortalReadiness.State portal = readiness == null ? new PortalReadiness.State(true, Set.of()) : readiness.state();
        boolean booted = portal.booted();
        Set<String> notServed = portal.notServed();
        if (!booted) {
            LOG.info("Health check: the platform is still starting (boot features not all installed)");
        } else if (!notServed.isEmpty()) {
            LOG.info("Health check: the portal API does not serve {} yet", notServed);
        }
        String status = !database.reachable() ? "DOWN" : portal.ready() ? "UP" : "STARTING";
        Health health = new Health(status, version, clock.instant(),
                new Health.Database(database.product(), database.version(), database.reachable()), attention());
        return Response.status(status.equals("UP") ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE).entity(health).build();
    }

    /** What every service that watches for operators' work says now; one that fails says that it does. */
    private List<String> attention() {
        List<String> needs = new ArrayList<>();
        for (OperatorAttention check : attentions == null ? List.<OperatorAttention>of() : attentions) {
            try {
                needs.addAll(check.attention());
            } catch (RuntimeException e) {
                LOG.warn("Health check: {} failed to say what needs the operators: {}", check.getClass().getName(), e.toString());
                needs.add("health: a check failed; see the log");
            }
        }
        return List.copyOf(needs);
    }

    /**
     * The health document.
     *
     * @param attention what needs an operator though the node serves customers (a day not billed in full, say): for the
     *                  operators' monitoring, never a reason to take the node out of a load balancer
     */
    public record Health(@Schema(allowableValues = { "UP", "STARTING", "DOWN" }) String status, String version, Instant time,
            Database database, List<String> attention) {

        public record Database(String product, String version, boolean reachable) {
        }
    }
}
