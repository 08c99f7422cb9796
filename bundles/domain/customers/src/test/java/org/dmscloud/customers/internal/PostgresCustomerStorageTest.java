package org.dmscloud.customers.internal;

import javax.sql.DataSource;

import org.dmscloud.persistence.testing.TestDatabases;
import org.junit.jupiter.api.BeforeAll;

/** A real PostgreSQL server. */
class PostgresCustomerStorageTest extends CustomerStorageContractTest {

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
