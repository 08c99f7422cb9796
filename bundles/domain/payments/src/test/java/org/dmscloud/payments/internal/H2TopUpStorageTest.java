package org.dmscloud.payments.internal;

import javax.sql.DataSource;

import org.dmscloud.persistence.testing.TestDatabases;

/** The embedded default: H2. */
class H2TopUpStorageTest extends TopUpStorageContractTest {

    @Override
    protected DataSource newDatabase() {
        return TestDatabases.h2();
    }
}
