package org.dmscloud.deployments.internal;

import javax.sql.DataSource;

import org.dmscloud.persistence.testing.TestDatabases;

class H2DeploymentsTest extends DeploymentsContractTest {

    @Override
    protected DataSource dataSource() {
        return TestDatabases.h2();
    }
}
