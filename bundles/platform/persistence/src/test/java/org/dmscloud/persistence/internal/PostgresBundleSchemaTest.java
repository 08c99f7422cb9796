package org.dmscloud.persistence.internal;

import javax.sql.DataSource;

import org.dmscloud.persistence.testing.TestDatabases;

/** A real PostgreSQL server. */
class PostgresBundleSchemaTest extends BundleSchemaContractTest {

    @Override
    protected DataSource newDatabase() {
        return TestDatabases.postgres();
    }
}
