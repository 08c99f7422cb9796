package org.dmscloud.events.internal;

import javax.sql.DataSource;

import org.dmscloud.persistence.testing.TestDatabases;

/** The embedded default: H2. */
class H2InstanceEventsTest extends InstanceEventsContractTest {

    @Override
    protected DataSource newDatabase() {
        return TestDatabases.h2();
    }
}
