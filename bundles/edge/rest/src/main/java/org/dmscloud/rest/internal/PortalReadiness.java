package org.dmscloud.rest.internal;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongSupplier;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the portal API serves everything registered for it ({@link PortalServices}), found out at most once a
 * second: it walks the service registry and asks Declarative Services for every component's state, which cost
 * more than any read of the API (the API benchmark: health at 0.07x the floor), and load balancers ask often.
 * One instance for the bundle, so that the answer is shared by the health resource's per-request instances.
 */
@Component(service = PortalReadiness.class)
public class PortalReadiness {

    static final long FRESH_NANOS = 1_000_000_000L;

    private static final Logger LOG = LoggerFactory.getLogger(PortalReadiness.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile JaxrsServiceRuntime jaxrsRuntime;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile ServiceComponentRuntime componentRuntime;

    private final PortalServices portal;
    private final LongSupplier nanoTime;
    private volatile Reading last;

    /** What was found, and when ({@link System#nanoTime()}). */
    record State(boolean booted, Set<String> notServed) {

        boolean ready() {
            return booted && notServed.isEmpty();
        }
    }

    private record Reading(State state, long at) {
    }

    @Activate
    public PortalReadiness(BundleContext bundleContext) {
        this(new PortalServices(bundleContext), System::nanoTime);
    }

    PortalReadiness(PortalServices portal, LongSupplier nanoTime) {
        this.portal = portal;
        this.nanoTime = nanoTime;
    }

    State state() {
        long now = nanoTime.getAsLong();
        Reading reading = last;
        if (reading != null && now - reading.at() < FRESH_NANOS) {
            return reading.state();
        }
        State state = read();
        last = new Reading(state, now);
        return state;
    }

    private State read() {
        JaxrsServiceRuntime runtime = jaxrsRuntime;
        ServiceComponentRuntime components = componentRuntime;
        try {
            Set<String> notServed = new TreeSet<>(runtime == null ? Set.of() : portal.notServed(runtime));
            notServed.addAll(components == null ? Set.of() : portal.notRunning(components));
            return new State(portal.bootFinished(), notServed);
        } catch (IllegalStateException stopped) {
            // This bundle has stopped (its context is no longer valid) and is still asked while the runtime swaps
            // in the restarted bundle's resources: the API is being replaced, not broken.
            LOG.info("Health check: the portal API is being restarted ({})", stopped.getMessage());
            return new State(false, Set.of());
        } catch (RuntimeException failed) {
            // Whatever breaks the check, the node cannot say it serves its API: a load balancer should send
            // customers elsewhere (503), not read a 500 as an answer. The trace is for the operator.
            LOG.warn("Health check: could not find out whether the portal API serves everything", failed);
            return new State(false, Set.of());
        }
    }
}
