package org.dmscloud.billing.internal.store;

import java.util.Map;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import org.dmscloud.persistence.testing.TestDatabases;

/**
 * Billing's store outside the container, for the tests of billing and of the bundles that use it: the
 * production store over a test database, with billing's persistence unit made by EclipseLink as Aries JPA
 * makes it in the platform.
 */
public final class TestBillingStore implements AutoCloseable {

    private final BillingStore store;
    private final EntityManagerFactory entities;

    private TestBillingStore(BillingStore store, EntityManagerFactory entities) {
        this.store = store;
        this.entities = entities;
    }

    public static TestBillingStore on(TestDatabases.OpenStore database) {
        TestDatabases.migrateBundle(database.dataSource(), BillingTables.BUNDLE, BillingTables.class, BillingTables.CHANGELOG);
        EntityManagerFactory entities = Persistence.createEntityManagerFactory(BillingStore.PERSISTENCE_UNIT,
                Map.of("javax.persistence.nonJtaDataSource", database.dataSource()));
        return new TestBillingStore(new BillingStore(database.store(), entities), entities);
    }

    public BillingStore store() {
        return store;
    }

    @Override
    public void close() {
        entities.close();
    }
}
