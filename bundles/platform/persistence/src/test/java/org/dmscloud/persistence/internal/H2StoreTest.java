package org.dmscloud.persistence.internal;

import javax.sql.DataSource;

import org.dmscloud.persistence.testing.TestDatabases;
import org.junit.jupiter.api.BeforeAll;

/** The embedded default: H2. */
class H2StoreTest extends StoreContractTest {

    private static DataSource dataSource;

    @BeforeAll
    static void startDatabase() {
        dataSource = TestDatabases.h2();
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }
}
