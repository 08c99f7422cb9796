package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.instance.DisableReason;
import org.dmscloud.api.instance.InstanceState;
import org.dmscloud.api.money.Money;
import org.dmscloud.persistence.Store;
import org.dmscloud.spi.instance.InstanceEvent;
import org.dmscloud.spi.instance.InstanceEventListener;
import org.dmscloud.testkit.InstanceEventListenerContract;
import org.dmscloud.testkit.PluginDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The listener keeps the instances with the add-on in the bundle's own table, on H2 and on PostgreSQL. */
class AddOnInstancesTest {

    private static final TenantId TENANT = new TenantId(AddOn.TENANT);

    static PluginDatabase database(boolean postgres) {
        PluginDatabase database = postgres ? PluginDatabase.postgres() : PluginDatabase.h2();
        return database.withBundleTables(AddOn.BUNDLE, AddOnInstances.class, "db/changelog.xml");
    }

    /** An instance with the add-on: created, charged, its devices raised, disabled for funds, deleted. */
    static List<InstanceEvent> lifeOfAnInstance(PluginDatabase database, long firstId) {
        InstanceEvent created = database.instance(TENANT, withAddOn(1_000)).id(firstId).build();
        InstanceEvent.Builder next = created.toBuilder();
        return List.of(created,
                next.id(firstId + 1).type(InstanceEvent.Type.CHARGED).balanceChange(Money.of("-2.00", "EUR")).ledgerEntry(7).build(),
                next.id(firstId + 2).type(InstanceEvent.Type.SETTINGS_CHANGED).configuration(withAddOn(5_000)).build(),
                next.id(firstId + 3).type(InstanceEvent.Type.DISABLED).state(InstanceState.DISABLED).disableReason(DisableReason.INSUFFICIENT_FUNDS)
                        .balanceChange(Money.of("0.00", "EUR")).build(),
                next.id(firstId + 4).type(InstanceEvent.Type.DELETED).state(InstanceState.DELETED).disableReason(null).build());
    }

    static InstanceConfiguration withAddOn(long devices) {
        return InstanceConfiguration.of("standard", devices, Set.of(AddOn.OPTION_ID));
    }

    /** Every row of the table, as text, in instance order. */
    static List<String> rows(Store store) {
        return store.inTransaction(tx -> {
            try (PreparedStatement select = tx.connection().prepareStatement("SELECT instance_id, expected_devices, active, charged_days, "
                    + "last_event_id FROM ${table} ORDER BY instance_id"); ResultSet rows = select.executeQuery()) {
                List<String> all = new ArrayList<>();
                while (rows.next()) {
                    all.add(rows.getString(1) + " devices=" + rows.getLong(2) + " active=" + rows.getBoolean(3) + " charged=" + rows.getInt(4)
                            + " last=" + rows.getLong(5));
                }
                return all;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The testkit's listener contract on one of the platform's databases. */
    abstract static class Contract extends InstanceEventListenerContract {

        abstract boolean postgres();

        @Override
        protected PluginDatabase database() {
            return AddOnInstancesTest.database(postgres());
        }

        @Override
        protected InstanceEventListener listener(Store store) {
            return new AddOnInstances(store, null);
        }

        @Override
        protected List<InstanceEvent> events(PluginDatabase database) {
            return lifeOfAnInstance(database, 1);
        }

        @Override
        protected Object stored(Store store) {
            return rows(store);
        }
    }

    @Nested
    class OnH2 extends Contract {
        @Override
        boolean postgres() {
            return false;
        }
    }

    @Nested
    class OnPostgres extends Contract {
        @Override
        boolean postgres() {
            return true;
        }
    }

    @Nested
    class WhatItRecords {

        private PluginDatabase database;
        private AddOnInstances listener;

        @BeforeEach
        void open() {
            database = AddOnInstancesTest.database(false);
            listener = new AddOnInstances(database.store(), null);
        }

        @AfterEach
        void close() {
            database.close();
        }

        @Test
        void anInstanceWithTheAddOnIsRecordedWithItsDevicesAndChargedDaysAndStopsBeingActiveWhenDisabled() {
            List<InstanceEvent> life = lifeOfAnInstance(database, 10);
            String id = life.get(0).instance().toString();

            deliver(life.get(0));
            assertThat(rows(database.store())).containsExactly(id + " devices=1000 active=true charged=0 last=10");
            deliver(life.get(1));
            deliver(life.get(2));
            assertThat(rows(database.store())).containsExactly(id + " devices=5000 active=true charged=1 last=12");
            deliver(life.get(3));
            assertThat(rows(database.store())).containsExactly(id + " devices=5000 active=false charged=1 last=13");
        }

        @Test
        void anInstanceWithoutTheAddOnIsNotRecordedAndOneThatDropsItStopsBeingActive() {
            deliver(database.instance(TENANT, InstanceConfiguration.of("standard", 100, Set.of("backup"))).id(1).build());
            assertThat(rows(database.store())).isEmpty();

            InstanceEvent created = database.instance(TENANT, withAddOn(100)).id(2).build();
            deliver(created);
            deliver(created.toBuilder().id(3).type(InstanceEvent.Type.SETTINGS_CHANGED)
                    .configuration(InstanceConfiguration.of("standard", 100, Set.of())).build());

            assertThat(rows(database.store())).containsExactly(created.instance() + " devices=100 active=false charged=0 last=3");
        }

        private void deliver(InstanceEvent event) {
            database.store().inTransaction(tx -> {
                listener.onEvent(event);
                return null;
            });
        }
    }
}
