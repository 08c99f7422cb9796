package org.dmscloud.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.dmscloud.persistence.Store;
import org.dmscloud.spi.instance.InstanceEvent;
import org.dmscloud.spi.instance.InstanceEventListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of an {@link InstanceEventListener}, checked as the platform delivers: inside a store
 * transaction, at least once, from wherever the stream stands when the listener is first registered.
 * Extend it, open the plugin's database ({@link PluginDatabase} with the bundle's tables), and answer the
 * listener, events it acts on, and what it has stored (its rows, in a form that compares with equals).
 */
public abstract class InstanceEventListenerContract {

    private PluginDatabase database;

    /** The platform database with the plugin's tables; closed after each test. */
    protected abstract PluginDatabase database();

    /** The listener as the plugin registers it, on this store. */
    protected abstract InstanceEventListener listener(Store store);

    /**
     * Events the listener acts on, of instances in the database (see {@link PluginDatabase#instance}), in an
     * order they can happen in; give it every type it handles. Each call answers the events of new instances.
     */
    protected abstract List<InstanceEvent> events(PluginDatabase database);

    /** What the listener has stored so far, read in a transaction of the store. */
    protected abstract Object stored(Store store);

    @BeforeEach
    void openDatabase() {
        database = database();
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void anEventDeliveredAgainChangesNothingMore() {
        InstanceEventListener listener = listener(database.store());
        List<InstanceEvent> events = events(database);
        events.forEach(event -> deliver(listener, event));
        Object once = stored(database.store());

        events.forEach(event -> deliver(listener, event));

        assertThat(stored(database.store())).as("what the listener stored after every event came a second time").isEqualTo(once);
    }

    @Test
    void whatItWritesRollsBackWithTheDeliveryThatFailed() {
        InstanceEventListener listener = listener(database.store());
        List<InstanceEvent> events = events(database);
        Object before = stored(database.store());

        for (InstanceEvent event : events) {
            assertThatThrownBy(() -> database.store().inTransaction(tx -> {
                handle(listener, event);
                throw new IllegalStateException("the delivery failed after the listener returned");
            })).hasMessage("the delivery failed after the listener returned");
        }

        assertThat(stored(database.store())).as("what the listener stored after deliveries that rolled back").isEqualTo(before);
    }

    @Test
    void itTakesUpTheStreamAtAnyEvent() {
        // A listener registered for the first time hears from then on: its first event of an instance may be any.
        int count = events(database).size();
        for (int first = 1; first < count; first++) {
            List<InstanceEvent> fromThereOn = events(database);
            InstanceEventListener fresh = listener(database.store());
            fromThereOn.subList(first, fromThereOn.size()).forEach(event -> deliver(fresh, event));
        }
    }

    @Test
    void itHandlesEveryEventTypeWithoutFailing() {
        InstanceEventListener listener = listener(database.store());
        InstanceEvent sample = events(database).get(0);
        for (InstanceEvent.Type type : InstanceEvent.Type.values()) {
            InstanceEvent.Builder event = sample.toBuilder().type(type).id(sample.id() + 1_000 + type.ordinal());
            if (type == InstanceEvent.Type.DELETED) {
                event.state(org.dmscloud.api.instance.InstanceState.DELETED).disableReason(null);
            }
            deliver(listener, event.build());
        }
    }

    private void deliver(InstanceEventListener listener, InstanceEvent event) {
        database.store().inTransaction(tx -> {
            handle(listener, event);
            return null;
        });
    }

    private static void handle(InstanceEventListener listener, InstanceEvent event) {
        try {
            listener.onEvent(event);
        } catch (Exception e) {
            throw new AssertionError("the listener failed on " + event + ": " + e, e);
        }
    }
}
