package org.dmscloud.billing.internal;

import javax.sql.DataSource;

import org.dmscloud.persistence.testing.TestDatabases;

class H2BillingRulesTest extends BillingRulesTest {

    @Override
    protected DataSource newDatabase() {
        return TestDatabases.h2();
    }
}
