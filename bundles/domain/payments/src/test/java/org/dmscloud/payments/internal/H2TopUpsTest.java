package org.dmscloud.payments.internal;

import javax.sql.DataSource;

import org.dmscloud.persistence.testing.TestDatabases;

class H2TopUpsTest extends TopUpsTest {

    @Override
    protected DataSource newDatabase() {
        return TestDatabases.h2();
    }
}
