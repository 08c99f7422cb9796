package org.dmscloud.tenants.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.persistence.Store;

/**
 * A tenant's row as the tenants bundle writes it, for the tests of bundles and plugins whose rows belong to a tenant
 * other than the default one (which the tenants' changelog makes): enabled, with the platform's settings.
 */
public final class TenantRows {

    private TenantRows() {
    }

    /** The tenant, unless it is there. */
    public static void ensure(Store store, TenantId tenant, Instant at) {
        store.inTransaction(tx -> {
            try {
                insertUnlessThere(tx.connection(), tenant, at);
            } catch (SQLException e) {
                throw new IllegalStateException("could not write the tenant's test row: " + e.getMessage(), e);
            }
            return null;
        });
    }

    private static void insertUnlessThere(Connection connection, TenantId tenant, Instant at) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM tenant WHERE id = ?")) {
            select.setString(1, tenant.value());
            try (ResultSet found = select.executeQuery()) {
                if (found.next()) {
                    return;
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO tenant (id, name, created_at, status, updated_at) VALUES (?, ?, ?, 'ENABLED', ?)")) {
            insert.setString(1, tenant.value());
            insert.setString(2, tenant.value());
            insert.setObject(3, at.atOffset(ZoneOffset.UTC));
            insert.setObject(4, at.atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }
}
