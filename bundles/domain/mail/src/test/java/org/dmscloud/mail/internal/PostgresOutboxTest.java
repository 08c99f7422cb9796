package org.dmscloud.mail.internal;

import javax.sql.DataSource;

import org.dmscloud.persistence.testing.TestDatabases;

/** A real PostgreSQL server. */
class PostgresOutboxTest extends OutboxContractTest {

    @Override
    protected DataSource newDatabase() {
        return TestDatabases.postgres();
    }
}
