package org.dmscloud.billing.internal.store;

import javax.sql.DataSource;

import org.dmscloud.persistence.testing.TestDatabases;
import org.junit.jupiter.api.BeforeAll;

/** The embedded default */
class H2BillingStorageTest extends BillingStorageContractTest {

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
