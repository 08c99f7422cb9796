package org.dmscloud.tenants.internal;

import javax.sql.DataSource;

import org.dmscloud.persistence.testing.TestDatabases;

/** The embedded default: H2. */
class H2TenantsTest extends TenantsContractTest {

    @Override
    protected DataSource newDatabase() {
        return TestDatabases.h2();
    }
}
