package org.dmscloud.events.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.job.Backoff;
import org.dmscloud.api.job.PeriodicJob;
import org.dmscloud.api.plugin.PluginCallException;
import org.dmscloud.api.plugin.PluginCalls;
import org.dmscloud.api.tenant.TenantDirectory;
import org.dmscloud.events.internal.EventRows.Positioned;
import org.dmscloud.persistence.DuplicateKeyException;
import org.dmscloud.persistence.Schema;
import org.dmscloud.persistence.Store;
import org.dmscloud.spi.instance.InstanceEvent;
import org.dmscloud.spi.instance.InstanceEventListener;
import org.dmscloud.spi.tenant.TenantScope;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentConstants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers instance events to every {@link InstanceEventListener}: puts committed events in order, then
 * hands each listener the events after its cursor, inside a store transaction that moves the cursor, so
 * that what the listener writes in the database commits once with it. A listener that throws gets the
 * event again later, waiting longer each time, while the others go on; the log names its bundle. Several
 * nodes may run this at once: the sequencer and each cursor are row locks. The rounds are a job of the platform's job
 * runner.
 * <p>
 * A listener is plugin code: its transaction runs on a thread of its own (the listener on the same thread as the
 * transaction it joins), and the round waits for it at most {@code listenerTimeoutSeconds}. One that has not ended by
 * then counts as failed and is retried like one that threw; while it still runs, that listener gets nothing more (one
 * transaction per listener at a time), so a hung listener holds one thread and one connection, never the round.
 */
@Component(service = PeriodicJob.class, immediate = true, configurationPid = DeliveryConfiguration.PID)
@Designate(ocd = DeliveryConfiguration.class)
public class InstanceEventDelivery implements PeriodicJob {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceEventDelivery.class);
    private static final Pattern LISTENER_NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final Duration LONGEST_RETRY = Duration.ofMinutes(5);
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);
    private static final int SEQUENCE_BATCH = 5_000;
    private static final int LISTENER_THREADS = 16;

    private final Store store;
    private final Clock clock;
    private final int batchSize;
    private final Backoff retries;
    private final Duration retention;
    private final Duration poll;
    private final PluginCalls listenerCalls;
    private final Map<Object, Subscriber> subscribers = new ConcurrentHashMap<>();
    /** Listeners told that they hear nothing of a tenant that has not bound their bundle, so that each is told once. */
    private final java.util.Set<String> toldUnbound = ConcurrentHashMap.newKeySet();

    /** Which bundles act for which tenant: a tenant's listener hears its events only once its bundle is bound to it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile TenantDirectory tenants;
    private Instant nextPrune = Instant.MIN;

    @Activate
    public InstanceEventDelivery(@Reference Store store, @Reference Clock clock, @Reference(target = EventTables.SCHEMA_FILTER) Schema tables,
            DeliveryConfiguration configuration) {
        this(store, clock, configuration.batchSize(), Duration.ofSeconds(Math.max(1, configuration.firstRetrySeconds())),
                Duration.ofDays(Math.max(1, configuration.retentionDays())), Duration.ofSeconds(Math.max(1, configuration.listenerTimeoutSeconds())),
                Duration.ofMillis(Math.max(50, configuration.pollMillis())));
    }

    /** For tests, which call {@link #deliverPending()}. */
    InstanceEventDelivery(Store store, Clock clock, int batchSize, Duration firstRetry, Duration retention, Duration listenerTimeout) {
        this(store, clock, batchSize, firstRetry, retention, listenerTimeout, Duration.ofSeconds(1));
    }

    private InstanceEventDelivery(Store store, Clock clock, int batchSize, Duration firstRetry, Duration retention, Duration listenerTimeout,
            Duration poll) {
        this.store = store;
        this.clock = clock;
        this.batchSize = Math.max(1, batchSize);
        this.retries = new Backoff(firstRetry, LONGEST_RETRY.compareTo(firstRetry) < 0 ? firstRetry : LONGEST_RETRY);
        this.retention = retention;
        this.poll = poll;
        this.listenerCalls = new PluginCalls("instance-events", listenerTimeout, 1, LISTENER_THREADS);
    }

    @Deactivate
    void deactivate() {
        listenerCalls.close();
    }

    @Override
    public String name() {
        return "instance-event-delivery";
    }

    @Override
    public Duration period() {
        return poll;
    }

    @Override
    public void run() {
        deliverPending();
    }

    @Reference(service = InstanceEventListener.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeListener")
    void addListener(ServiceReference<InstanceEventListener> reference, InstanceEventListener listener) {
        String bundle = reference.getBundle() == null ? "unknown" : reference.getBundle().getSymbolicName();
        Object name = reference.getProperty(InstanceEventListener.NAME);
        if (name == null) {
            name = reference.getProperty(ComponentConstants.COMPONENT_NAME);
        }
        if (name == null) {
            name = listener.getClass().getName();
        }
        Object tenant = reference.getProperty(TenantScope.PROPERTY);
        try {
            Optional<TenantId> scope = tenant == null ? Optional.empty() : Optional.of(new TenantId(tenant.toString()));
            addListener(reference, bundle, name.toString(), scope, listener);
        } catch (IllegalArgumentException e) {
            LOG.error("The instance event listener of bundle {} is not used: {}", bundle, e.getMessage());
        }
    }

    void removeListener(ServiceReference<InstanceEventListener> reference) {
        subscribers.remove(reference);
    }

    /** Adds a listener under a key the caller keeps to remove it. */
    void addListener(Object key, String bundle, String name, Optional<TenantId> tenant, InstanceEventListener listener) {
        if (!LISTENER_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("its name '" + name + "' (" + InstanceEventListener.NAME
                    + ") must be 1 to 100 letters, digits, '.', '_' or '-'");
        }
        subscribers.put(key, new Subscriber(bundle + "/" + name, bundle, tenant, listener));
    }

    void removeListener(Object key) {
        subscribers.remove(key);
    }

    /** One round: orders what has committed, delivers to every listener not waiting to retry, prunes old events hourly. */
    void deliverPending() {
        EventStream.Sequenced sequenced;
        do {
            sequenced = store.inTransaction(tx -> sql(() -> EventStream.sequence(tx.connection(), SEQUENCE_BATCH)));
        } while (sequenced.count() == SEQUENCE_BATCH);
        long head = sequenced.head();
        for (Subscriber subscriber : subscribers.values()) {
            if (subscriber.heard < head && !subscriber.waiting(System.nanoTime())) {
                deliver(subscriber);
            }
        }
        Instant now = clock.instant();
        if (now.isAfter(nextPrune)) {
            int pruned = store.inTransaction(tx -> sql(() -> EventStream.prune(tx.connection(), now.minus(retention))));
            if (pruned > 0) {
                LOG.info("Pruned {} instance events older than {} days", pruned, retention.toDays());
            }
            nextPrune = now.plus(PRUNE_EVERY);
        }
    }

    private void deliver(Subscriber subscriber) {
        while (true) {
            Attempt attempt = attempt(subscriber, batchSize);
            if (attempt.failure() != null) {
                if (attempt.handled() > 0) {
                    // The events before the failing one were handled: keep them, so that only the failing one waits.
                    attempt(subscriber, attempt.handled());
                }
                subscriber.failed(attempt.failure(), attempt.failedEvent());
                return;
            }
            subscriber.succeeded();
            if (attempt.read() < batchSize) {
                return;
            }
        }
    }

    /**
     * Hands the listener up to {@code limit} events in one transaction with its cursor, on a thread of its own, bounded in
     * time; rolled back entirely when it throws.
     */
    private Attempt attempt(Subscriber subscriber, int limit) {
        Attempt attempt;
        try {
            attempt = listenerCalls.call(subscriber.key, "its instance events", () -> transaction(subscriber, limit));
        } catch (PluginCallException e) {
            if (e.kind() == PluginCallException.Kind.THREW && e.getCause() instanceof RuntimeException platform) {
                throw platform; // the store's failure, not the listener's (which the transaction returns): the job runner reports it
            }
            // Still running after the timeout, or its previous transaction still is: the listener waits for its retry.
            return new Attempt(0, 0, subscriber.heard, e, null);
        }
        // Known only once committed: a round that failed to commit must not skip what it read.
        subscriber.heard = attempt.position();
        return attempt;
    }

    private Attempt transaction(Subscriber subscriber, int limit) {
        try {
            return store.inTransaction(tx -> sql(() -> {
                Connection connection = tx.connection();
                Instant now = clock.instant();
                OptionalLong cursor = EventStream.lockCursor(connection, subscriber.key);
                if (cursor.isEmpty()) {
                    long head = EventStream.head(connection);
                    EventStream.startCursor(connection, subscriber.key, head, now);
                    LOG.info("Instance event listener {} hears events from position {} on", subscriber.key, head);
                    return new Attempt(0, 0, head, null, null);
                }
                List<Positioned> events = EventRows.after(connection, cursor.getAsLong(), limit);
                int handled = 0;
                long position = cursor.getAsLong();
                for (Positioned next : events) {
                    if (subscriber.hears(next.event())) {
                        try {
                            subscriber.listener.onEvent(next.event());
                        } catch (Throwable e) { // a listener's failure, whatever it throws
                            throw new ListenerFailed(handled, next.event(), e);
                        }
                    }
                    handled++;
                    position = next.position();
                }
                if (!events.isEmpty()) {
                    EventStream.moveCursor(connection, subscriber.key, position, now);
                }
                return new Attempt(events.size(), handled, position, null, null);
            }));
        } catch (DuplicateKeyException anotherNodeStartedIt) {
            return new Attempt(0, 0, subscriber.heard, null, null);
        } catch (RuntimeException e) {
            ListenerFailed failed = ListenerFailed.in(e);
            if (failed == null) {
                throw e;
            }
            return new Attempt(failed.handled, failed.handled, subscriber.heard, failed.getCause(), failed.event);
        }
    }

    private static <R> R sql(SqlWork<R> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new IllegalStateException("Instance events: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface SqlWork<R> {
        R run() throws SQLException;
    }

    /** What one delivery transaction did: events read, handled before a failure, the cursor after it, and the failure. */
    private record Attempt(int read, int handled, long position, Throwable failure, InstanceEvent failedEvent) {
    }

    /** A listener's exception, carried out of the transaction it rolls back. */
    private static final class ListenerFailed extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final int handled;
        private final transient InstanceEvent event;

        ListenerFailed(int handled, InstanceEvent event, Throwable cause) {
            super(cause);
            this.handled = handled;
            this.event = event;
        }

        /** The listener's failure in a store exception's causes (the store may have wrapped it), or null. */
        static ListenerFailed in(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ListenerFailed failed) {
                    return failed;
                }
            }
            return null;
        }
    }

    /** A listener, where it has got to as far as this node knows, and when it may be tried again after failing. */
    private final class Subscriber {

        private final String key;
        private final String bundle;
        private final Optional<TenantId> tenant;
        private final InstanceEventListener listener;
        private volatile long heard = -1;
        private int failures;
        private long retryAt;

        Subscriber(String key, String bundle, Optional<TenantId> tenant, InstanceEventListener listener) {
            this.key = key;
            this.bundle = bundle;
            this.tenant = tenant;
            this.listener = listener;
        }

        /**
         * Whether the event is this listener's: every event for the platform's listeners; its tenant's, for a tenant's
         * listener whose bundle is the platform's or bound to that tenant. An unbound one hears nothing (its cursor moves
         * on: a tenant's instances are not told to a bundle no operator let act for it), and the log says so once.
         */
        boolean hears(InstanceEvent event) {
            if (tenant.isEmpty()) {
                return true;
            }
            if (!tenant.get().equals(event.tenant())) {
                return false;
            }
            if (bundle.startsWith(TenantScope.PLATFORM_BUNDLES)) {
                return true;
            }
            TenantDirectory directory = tenants;
            boolean bound = directory != null && directory.find(tenant.get()).map(t -> t.settings().pluginBundles().contains(bundle)).orElse(false);
            if (!bound && toldUnbound.add(key)) {
                LOG.warn("Instance event listener {} of bundle {} is for tenant {}, which has not bound the bundle: it hears nothing of it. "
                        + "If it is {}'s, bind it with dms:tenant-update --plugin {} {}", key, bundle, tenant.get(), tenant.get(), bundle, tenant.get());
            }
            return bound;
        }

        boolean waiting(long nanoTime) {
            return failures > 0 && nanoTime - retryAt < 0;
        }

        /** The listener failed on this event, or on events not known (its transaction did not end in time: event is null). */
        void failed(Throwable failure, InstanceEvent event) {
            failures++;
            Duration retry = retries.after(failures);
            if (event == null) {
                LOG.error("Instance event listener {} of bundle {} failed on its events after position {}; it gets them again in {} s: {}", key, bundle,
                        heard, retry.toSeconds(), failure.getMessage());
            } else {
                LOG.error("Instance event listener {} of bundle {} failed on event {} ({} of instance {}); it gets it again in {} s", key, bundle,
                        event.id(), event.type(), event.instance(), retry.toSeconds(), failure);
            }
            retryAt = System.nanoTime() + retry.toNanos();
        }

        void succeeded() {
            if (failures > 0) {
                LOG.info("Instance event listener {} of bundle {} goes on", key, bundle);
            }
            failures = 0;
        }
    }
}
