package org.dmscloud.events.internal;

import javax.sql.DataSource;

import org.dmscloud.persistence.testing.TestDatabases;

/** Production: PostgreSQL. */
class PostgresInstanceEventsTest extends InstanceEventsContractTest {

    @Override
    protected DataSource newDatabase() {
        return TestDatabases.postgres();
    }
}
