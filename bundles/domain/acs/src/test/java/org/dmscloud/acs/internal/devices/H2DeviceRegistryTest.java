package org.dmscloud.acs.internal.devices;

import javax.sql.DataSource;

import org.dmscloud.persistence.testing.TestDatabases;

class H2DeviceRegistryTest extends DeviceRegistryContractTest {

    @Override
    protected DataSource dataSource() {
        return TestDatabases.h2();
    }
}
