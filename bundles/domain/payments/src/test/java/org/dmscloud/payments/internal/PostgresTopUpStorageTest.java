package org.dmscloud.payments.internal;

import javax.sql.DataSource;

import org.dmscloud.persistence.testing.TestDatabases;

/** A real PostgreSQL server. */
class PostgresTopUpStorageTest extends TopUpStorageContractTest {

    @Override
    protected DataSource newDatabase() {
        return TestDatabases.postgres();
    }
}
