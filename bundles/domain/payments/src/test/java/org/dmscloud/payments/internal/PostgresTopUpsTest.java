package org.dmscloud.payments.internal;

import javax.sql.DataSource;

import org.dmscloud.persistence.testing.TestDatabases;

class PostgresTopUpsTest extends TopUpsTest {

    @Override
    protected DataSource newDatabase() {
        return TestDatabases.postgres();
    }
}
