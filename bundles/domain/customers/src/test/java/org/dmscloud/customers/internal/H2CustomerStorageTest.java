package org.dmscloud.customers.internal;

import javax.sql.DataSource;

import org.dmscloud.persistence.testing.TestDatabases;
import org.junit.jupiter.api.BeforeAll;

/** The embedded default: H2. */
class H2CustomerStorageTest extends CustomerStorageContractTest {

    private static DataSource dataSource;

    @BeforeAll
    static void createDatabase() {
        dataSource = TestDatabases.h2();
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }
}
