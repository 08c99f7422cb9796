package org.dmscloud.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.money.Money;
import org.dmscloud.persistence.Store;
import org.dmscloud.spi.instance.InstanceEvent;
import org.dmscloud.spi.instance.InstanceEventListener;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** The listener contract fails for listeners that break it, each at the test that names the break, and passes for one that keeps it. */
class ListenerContractCatchesBrokenListenersTest {

    @Test
    void aListenerThatKeepsItsPlaceByEventIdPassesEveryTest() {
        Events tests = run(Good.class);
        assertThat(tests.failed().count()).isZero();
        assertThat(tests.succeeded().count()).isEqualTo(4);
    }

    @Test
    void aListenerThatCountsAnEventDeliveredAgainFails() {
        assertThat(failures(CountsTwice.class)).containsExactly("anEventDeliveredAgainChangesNothingMore");
    }

    @Test
    void aListenerThatWritesOutsideTheDeliveryTransactionFails() {
        assertThat(failures(OwnConnection.class)).contains("whatItWritesRollsBackWithTheDeliveryThatFailed");
    }

    @Test
    void aListenerThatNeedsToHaveHeardTheCreationFails() {
        assertThat(failures(NeedsCreation.class)).contains("itTakesUpTheStreamAtAnyEvent");
    }

    private static Events run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
    }

    private static List<String> failures(Class<?> testClass) {
        return run(testClass).failed().list().stream().map(event -> event.getTestDescriptor().getDisplayName().replace("()", "")).toList();
    }

    /** A listener counting the events of each instance in a table of its own. */
    abstract static class Counting extends InstanceEventListenerContract {

        @Override
        protected PluginDatabase database() {
            return PluginDatabase.h2().withBundleTables("org.example.heard", ListenerContractCatchesBrokenListenersTest.class,
                    "listener-test/changelog.xml");
        }

        @Override
        protected List<InstanceEvent> events(PluginDatabase database) {
            InstanceEvent created = database.instance(TenantId.DEFAULT, InstanceConfiguration.of("standard", 10, Set.of())).id(1).build();
            return List.of(created, created.toBuilder().id(2).type(InstanceEvent.Type.CHARGED).balanceChange(Money.of("-1.00", "EUR"))
                    .ledgerEntry(1).build());
        }

        @Override
        protected Object stored(Store store) {
            return store.inTransaction(tx -> {
                try (PreparedStatement select = tx.connection().prepareStatement("SELECT instance_id, events FROM heard_instance ORDER BY 1");
                        ResultSet rows = select.executeQuery()) {
                    List<String> all = new ArrayList<>();
                    while (rows.next()) {
                        all.add(rows.getString(1) + "=" + rows.getInt(2));
                    }
                    return all;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        /** Counts the event on the connection, skipping it if {@code checkId} and it was counted. */
        static void count(Connection connection, InstanceEvent event, boolean checkId) throws SQLException {
            try (PreparedStatement update = connection.prepareStatement("UPDATE heard_instance SET events = events + 1, last_event_id = ? "
                    + "WHERE instance_id = ?" + (checkId ? " AND last_event_id < ?" : ""))) {
                update.setLong(1, event.id());
                update.setString(2, event.instance().toString());
                if (checkId) {
                    update.setLong(3, event.id());
                }
                if (update.executeUpdate() > 0 || exists(connection, event)) {
                    return;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO heard_instance (instance_id, events, last_event_id) VALUES (?, 1, ?)")) {
                insert.setString(1, event.instance().toString());
                insert.setLong(2, event.id());
                insert.executeUpdate();
            }
        }

        static boolean exists(Connection connection, InstanceEvent event) throws SQLException {
            try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM heard_instance WHERE instance_id = ?")) {
                select.setString(1, event.instance().toString());
                try (ResultSet row = select.executeQuery()) {
                    return row.next();
                }
            }
        }
    }

    static class Good extends Counting {
        @Override
        protected InstanceEventListener listener(Store store) {
            return event -> store.inTransaction(tx -> {
                try {
                    count(tx.connection(), event, true);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                return null;
            });
        }
    }

    static class CountsTwice extends Counting {
        @Override
        protected InstanceEventListener listener(Store store) {
            return event -> store.inTransaction(tx -> {
                try {
                    count(tx.connection(), event, false);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                return null;
            });
        }
    }

    static class OwnConnection extends Counting {
        private DataSource dataSource;

        @Override
        protected PluginDatabase database() {
            PluginDatabase database = super.database();
            dataSource = database.dataSource();
            return database;
        }

        @Override
        protected InstanceEventListener listener(Store store) {
            return event -> {
                try (Connection own = dataSource.getConnection()) {
                    count(own, event, true);
                }
            };
        }
    }

    static class NeedsCreation extends Counting {
        @Override
        protected InstanceEventListener listener(Store store) {
            return event -> store.inTransaction(tx -> {
                try {
                    if (event.type() != InstanceEvent.Type.CREATED && !exists(tx.connection(), event)) {
                        throw new IllegalStateException("never heard of " + event.instance());
                    }
                    count(tx.connection(), event, true);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                return null;
            });
        }
    }
}
