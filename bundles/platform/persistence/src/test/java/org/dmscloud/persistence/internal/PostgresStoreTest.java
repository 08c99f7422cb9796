package org.dmscloud.persistence.internal;

import javax.sql.DataSource;

import org.dmscloud.persistence.testing.TestDatabases;
import org.junit.jupiter.api.BeforeAll;

/** A real PostgreSQL server. */
class PostgresStoreTest extends StoreContractTest {

    private static DataSource dataSource;

    @BeforeAll
    static void startDatabase() {
        dataSource = TestDatabases.postgres();
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }
}
