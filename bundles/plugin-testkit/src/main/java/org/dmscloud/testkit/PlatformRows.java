package org.dmscloud.testkit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.money.Money;

/**
 * Rows in the platform's own tables that a plugin's rows may refer to ({@code instance(id)} and what it
 * belongs to), written as the platform's schema has them. The testkit is released with the platform, so it
 * follows the schema; a plugin never writes these tables itself.
 */
final class PlatformRows {

    private final Connection connection;

    PlatformRows(Connection connection) {
        this.connection = connection;
    }

    /** The tenant, unless it is there (the platform's own is, from the first migration). */
    void tenant(TenantId tenant, Instant at) {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM tenant WHERE id = ?")) {
            select.setString(1, tenant.value());
            try (ResultSet found = select.executeQuery()) {
                if (found.next()) {
                    return;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the platform's tenants: " + e.getMessage(), e);
        }
        execute("INSERT INTO tenant (id, name, created_at, status, updated_at) VALUES (?, ?, ?, 'ENABLED', ?)", tenant.value(), tenant.value(),
                at, at);
    }

    void account(AccountId account, TenantId tenant, Currency currency, Instant at) {
        execute("INSERT INTO account (id, tenant_id, display_name, currency, balance_minor, created_at, version) VALUES (?, ?, ?, ?, 0, ?, 0)",
                account.toString(), tenant.value(), "Test customer", currency.getCurrencyCode(), at);
    }

    void instance(InstanceId instance, AccountId account, InstanceConfiguration configuration, Instant paidUntil, Money rate, Instant at) {
        execute("INSERT INTO instance (id, account_id, name, package_id, expected_devices, option_ids, state, paid_until, paid_rate_minor, "
                + "created_at, version) VALUES (?, ?, ?, ?, ?, ?, 'ENABLED', ?, ?, ?, 0)", instance.toString(), account.toString(),
                "test instance", configuration.packageId(), configuration.expectedDevices(), String.join(",", configuration.optionIds()),
                paidUntil, rate.minorUnits(), at);
    }

    private void execute(String sql, Object... values) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i] instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : values[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the platform's test rows: " + e.getMessage(), e);
        }
    }
}
