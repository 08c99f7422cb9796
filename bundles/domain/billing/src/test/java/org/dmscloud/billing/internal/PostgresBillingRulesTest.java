package org.dmscloud.billing.internal;

import javax.sql.DataSource;

import org.dmscloud.persistence.testing.TestDatabases;

class PostgresBillingRulesTest extends BillingRulesTest {

    @Override
    protected DataSource newDatabase() {
        return TestDatabases.postgres();
    }
}
