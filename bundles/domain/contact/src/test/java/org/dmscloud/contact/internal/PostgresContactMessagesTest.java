package org.dmscloud.contact.internal;

import javax.sql.DataSource;

import org.dmscloud.persistence.testing.TestDatabases;

/** A real PostgreSQL server. */
class PostgresContactMessagesTest extends ContactMessagesContractTest {

    @Override
    protected DataSource newDatabase() {
        return TestDatabases.postgres();
    }
}
