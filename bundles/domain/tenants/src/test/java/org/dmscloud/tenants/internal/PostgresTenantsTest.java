package org.dmscloud.tenants.internal;

import javax.sql.DataSource;

import org.dmscloud.persistence.testing.TestDatabases;

/** A real PostgreSQL server. */
class PostgresTenantsTest extends TenantsContractTest {

    @Override
    protected DataSource newDatabase() {
        return TestDatabases.postgres();
    }
}
