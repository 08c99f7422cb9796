package org.example.devicereports;

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

/** The listener keeps the instances with device reports in the bundle's own table, on H2 and on PostgreSQL. */
class ReportedInstancesTest {

    private static final TenantId ACME = new TenantId(DeviceReports.TENANT);

    static PluginDatabase database(boolean postgres) {
        PluginDatabase database = postgres ? PluginDatabase.postgres() : PluginDatabase.h2();
        return database.withBundleTables(DeviceReports.BUNDLE, ReportedInstances.class, "db/device-reports-changelog.xml");
    }

    /** An instance with reports: created, charged, its devices raised, disabled for funds, deleted. */
    static List<InstanceEvent> lifeOfAnInstance(PluginDatabase database, long firstId) {
        InstanceEvent created = database.instance(ACME, withReports(1_000)).id(firstId).build();
        InstanceEvent.Builder next = created.toBuilder();
        return List.of(created,
                next.id(firstId + 1).type(InstanceEvent.Type.CHARGED).balanceChange(Money.of("-2.00", "EUR")).ledgerEntry(7).build(),
                next.id(firstId + 2).type(InstanceEvent.Type.SETTINGS_CHANGED).configuration(withReports(5_000)).build(),
                next.id(firstId + 3).type(InstanceEvent.Type.DISABLED).state(InstanceState.DISABLED).disableReason(DisableReason.INSUFFICIENT_FUNDS)
                        .balanceChange(Money.of("0.00", "EUR")).build(),
                next.id(firstId + 4).type(InstanceEvent.Type.DELETED).state(InstanceState.DELETED).disableReason(null).build());
    }

    static InstanceConfiguration withReports(long devices) {
        return InstanceConfiguration.of("standard", devices, Set.of(DeviceReports.OPTION_ID));
    }

    /** Every row of the table, as text, in instance order. */
    static List<String> rows(Store store) {
        return store.inTransaction(tx -> {
            try (PreparedStatement select = tx.connection().prepareStatement("SELECT instance_id, expected_devices, reports_due, charged_days, "
                    + "last_event_id FROM device_report_instance ORDER BY instance_id"); ResultSet rows = select.executeQuery()) {
                List<String> all = new ArrayList<>();
                while (rows.next()) {
                    all.add(rows.getString(1) + " devices=" + rows.getLong(2) + " due=" + rows.getBoolean(3) + " charged=" + rows.getInt(4)
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
            return ReportedInstancesTest.database(postgres());
        }

        @Override
        protected InstanceEventListener listener(Store store) {
            return new ReportedInstances(store, null);
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
        private ReportedInstances listener;

        @BeforeEach
        void open() {
            database = ReportedInstancesTest.database(false);
            listener = new ReportedInstances(database.store(), null);
        }

        @AfterEach
        void close() {
            database.close();
        }

        @Test
        void anInstanceWithReportsIsRecordedWithItsDevicesAndChargedDaysAndStopsBeingDueWhenDisabled() {
            List<InstanceEvent> life = lifeOfAnInstance(database, 10);
            String id = life.get(0).instance().toString();

            deliver(life.get(0));
            assertThat(rows(database.store())).containsExactly(id + " devices=1000 due=true charged=0 last=10");
            deliver(life.get(1));
            deliver(life.get(2));
            assertThat(rows(database.store())).containsExactly(id + " devices=5000 due=true charged=1 last=12");
            deliver(life.get(3));
            assertThat(rows(database.store())).containsExactly(id + " devices=5000 due=false charged=1 last=13");
        }

        @Test
        void anInstanceWithoutTheOptionIsNotRecordedAndOneThatDropsItStopsBeingDue() {
            deliver(database.instance(ACME, InstanceConfiguration.of("standard", 100, Set.of("backup"))).id(1).build());
            assertThat(rows(database.store())).isEmpty();

            InstanceEvent created = database.instance(ACME, withReports(100)).id(2).build();
            deliver(created);
            deliver(created.toBuilder().id(3).type(InstanceEvent.Type.SETTINGS_CHANGED)
                    .configuration(InstanceConfiguration.of("standard", 100, Set.of())).build());

            assertThat(rows(database.store())).containsExactly(created.instance() + " devices=100 due=false charged=0 last=3");
        }

        private void deliver(InstanceEvent event) {
            database.store().inTransaction(tx -> {
                listener.onEvent(event);
                return null;
            });
        }
    }
}
