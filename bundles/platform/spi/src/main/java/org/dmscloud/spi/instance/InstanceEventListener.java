package org.dmscloud.spi.instance;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Hears what happens to instances, as a whiteboard service. The platform hands it each {@link InstanceEvent}
 * after the change has committed, one at a time, in commit order, inside a transaction of the platform
 * store: what the listener writes through {@code store.inTransaction(...)} commits together with the
 * platform's note that the event was handled, so each event's rows are written once. If it throws, that
 * transaction rolls back and the event comes again later (waiting longer each time, up to five minutes),
 * and the events after it wait: delivery is at least once, and a listener makes its side effects outside
 * the database idempotent with {@link InstanceEvent#id()}.
 * <p>
 * Register it with {@link #NAME}, which keeps its place in the stream across restarts and updates (without it
 * the component name is used). A listener with {@code dms.tenant} (see {@code TenantScope}) hears only its
 * tenant's instances. A listener registered for the first time hears from then on, not the past.
 */
@ConsumerType
public interface InstanceEventListener {

    /**
     * Service property: the listener's name, unique within its bundle (a bundle's symbolic name and this name
     * identify its place in the stream). Letters, digits, '.', '_' and '-'.
     */
    String NAME = "dms.listener.name";

    /**
     * Acts on one event. Runs in a transaction of the platform's store; keep it short (the next events wait),
     * and do not call remote systems from it that cannot be retried.
     *
     * @throws Exception to have the event delivered again later
     */
    void onEvent(InstanceEvent event) throws Exception;
}
