package org.dmscloud.persistence.testing;

import javax.sql.DataSource;

import org.dmscloud.persistence.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test of a bundle's own tables through the production store, on a new database of the kind each subclass
 * brings (H2 as embedded, PostgreSQL as in production), migrated before each test.
 */
public abstract class StoreTest {

    protected TestDatabases.OpenStore database;
    protected Store store;

    /** A new, empty database. */
    protected abstract DataSource newDatabase();

    @BeforeEach
    final void openStore() {
        database = TestDatabases.open(newDatabase());
        store = database.store();
    }

    @AfterEach
    final void closeStore() {
        database.close();
    }
}
