package org.dmscloud.mail.internal;

import javax.sql.DataSource;

import org.dmscloud.persistence.testing.TestDatabases;

/** The embedded default: H2. */
class H2OutboxTest extends OutboxContractTest {

    @Override
    protected DataSource newDatabase() {
        return TestDatabases.h2();
    }
}
