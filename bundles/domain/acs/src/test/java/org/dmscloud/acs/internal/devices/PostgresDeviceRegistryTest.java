package org.dmscloud.acs.internal.devices;

import javax.sql.DataSource;

import org.dmscloud.persistence.testing.TestDatabases;
import org.junit.jupiter.api.BeforeAll;

class PostgresDeviceRegistryTest extends DeviceRegistryContractTest {

    private static DataSource dataSource;

    @BeforeAll
    static void createDatabase() {
        dataSource = TestDatabases.postgres();
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }
}
