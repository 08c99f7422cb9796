package org.dmscloud.persistence.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.dmscloud.api.health.DatabaseHealth;
import org.dmscloud.api.health.DatabaseStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Checks the platform data source for the health endpoint. */
@Component(service = DatabaseHealth.class)
public class DatabaseProbe implements DatabaseHealth {

    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;

    @Activate
    public DatabaseProbe(@Reference(target = DataSourceNames.DATA_SOURCE_FILTER) DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public DatabaseStatus check() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
                return DatabaseStatus.down("the connection did not answer within " + VALIDATION_TIMEOUT_SECONDS + " s");
            }
            DatabaseMetaData metaData = connection.getMetaData();
            return DatabaseStatus.up(metaData.getDatabaseProductName(), metaData.getDatabaseProductVersion());
        } catch (SQLException | RuntimeException e) {
            return DatabaseStatus.down(String.valueOf(e.getMessage()));
        }
    }
}
