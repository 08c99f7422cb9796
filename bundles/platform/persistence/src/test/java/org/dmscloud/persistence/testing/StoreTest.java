package org.dmscloud.persistence.testing;

import javax.sql.DataSource;

import org.dmscloud.persistence.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test of a bundle's own tables through the production store, on a new database of the kind each subclass
 * brings (H2 as embedded, PostgreSQL as in production), with the tables it names, made before each test.
 */
public abstract class StoreTest {

    protected TestDatabases.OpenStore database;
    protected Store store;
    private final String[] bundles;

    /** A test of the tables of the last of these platform bundles, after those of the bundles its tables refer to. */
    protected StoreTest(String... bundles) {
        this.bundles = bundles;
    }

    /** A new, empty database. */
    protected abstract DataSource newDatabase();

    @BeforeEach
    final void openStore() {
        database = TestDatabases.open(newDatabase(), bundles);
        store = database.store();
    }

    @AfterEach
    final void closeStore() {
        database.close();
    }
}
