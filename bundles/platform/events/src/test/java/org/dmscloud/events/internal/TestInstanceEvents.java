package org.dmscloud.events.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.dmscloud.events.InstanceJournal;
import org.dmscloud.persistence.Store;
import org.dmscloud.persistence.testing.TestDatabases;
import org.dmscloud.spi.instance.InstanceEvent;
import org.dmscloud.spi.instance.InstanceEventListener;

/**
 * The instance events as other bundles' tests need them: the journal on a test database, with this
 * bundle's tables applied as the platform applies them, and a listener that hears what plugins would.
 */
public final class TestInstanceEvents {

    private final InstanceJournal journal;
    private final InstanceEventDelivery delivery;
    private final List<InstanceEvent> heard = new ArrayList<>();

    private TestInstanceEvents(Store store, Clock clock) {
        this.journal = new JdbcInstanceJournal(store);
        this.delivery = new InstanceEventDelivery(store, clock, 500, Duration.ZERO, Duration.ofDays(30), Duration.ofSeconds(30));
    }

    /** The events of a database whose store is open; the listener hears what is recorded from now on. */
    public static TestInstanceEvents open(Store store, DataSource dataSource, Clock clock) {
        TestDatabases.migrateBundle(dataSource, EventTables.BUNDLE, EventTables.class, EventTables.CHANGELOG);
        TestInstanceEvents events = new TestInstanceEvents(store, clock);
        events.listen("test", "heard", (InstanceEventListener) events.heard::add);
        return events;
    }

    public InstanceJournal journal() {
        return journal;
    }

    /** Adds a listener as a plugin bundle's, taking its place in the stream now. */
    public void listen(String bundle, String name, InstanceEventListener listener) {
        delivery.addListener(bundle + "/" + name, bundle, name, Optional.empty(), listener);
        delivery.deliverPending();
    }

    /** Delivers what has committed, and answers every event the test's own listener has heard so far. */
    public synchronized List<InstanceEvent> heard() {
        delivery.deliverPending();
        return List.copyOf(heard);
    }
}
