package org.dmscloud.billing.internal.store;

import javax.sql.DataSource;

import org.dmscloud.persistence.testing.TestDatabases;
import org.junit.jupiter.api.BeforeAll;

/** A real PostgreSQL server. */
class PostgresBillingStorageTest extends BillingStorageContractTest {

    private static DataSource dataSource;

    @BeforeAll
    static void createDatabase() {
        dataSource = TestDatabases.postgres();
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }
}
