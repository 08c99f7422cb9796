package org.dmscloud.persistence.internal;

import javax.sql.DataSource;

import org.dmscloud.persistence.testing.TestDatabases;

/** The embedded default: H2. */
class H2BundleSchemaTest extends BundleSchemaContractTest {

    @Override
    protected DataSource newDatabase() {
        return TestDatabases.h2();
    }
}
