package org.dmscloud.contact.internal;

import javax.sql.DataSource;

import org.dmscloud.persistence.testing.TestDatabases;

/** The embedded default: H2. */
class H2ContactMessagesTest extends ContactMessagesContractTest {

    @Override
    protected DataSource newDatabase() {
        return TestDatabases.h2();
    }
}
