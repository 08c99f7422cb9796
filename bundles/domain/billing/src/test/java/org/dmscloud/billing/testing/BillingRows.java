package org.dmscloud.billing.testing;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Set;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.money.Money;
import org.dmscloud.persistence.Store;
import org.dmscloud.persistence.Transaction;

/**
 * Rows of billing's tables as billing writes them, for the tests of bundles and plugins whose tables refer to an
 * instance or an account: they get one without writing billing's tables themselves, and this follows billing's
 * schema wherever it goes. The tenant must exist (the default one always does).
 */
public final class BillingRows {

    private BillingRows() {
    }

    /** A customer account of the tenant, with an empty balance. */
    public static AccountId account(Store store, TenantId tenant, Currency currency, Instant at) {
        AccountId account = AccountId.random();
        store.inTransaction(tx -> {
            execute(tx, "INSERT INTO account (id, tenant_id, display_name, currency, balance_minor, created_at, version) VALUES (?, ?, ?, ?, 0, ?, 0)",
                    account.toString(), tenant.value(), "Test customer", currency.getCurrencyCode(), at);
            return null;
        });
        return account;
    }

    /** An enabled instance of the account, paid until then at that daily rate. */
    public static InstanceId instance(Store store, AccountId account, InstanceConfiguration configuration, Instant paidUntil, Money rate, Instant at) {
        InstanceId instance = InstanceId.random();
        store.inTransaction(tx -> {
            execute(tx, "INSERT INTO instance (id, account_id, name, package_id, expected_devices, option_ids, state, paid_until, paid_rate_minor, "
                    + "created_at, version) VALUES (?, ?, ?, ?, ?, ?, 'ENABLED', ?, ?, ?, 0)", instance.toString(), account.toString(),
                    "test instance", configuration.packageId(), configuration.expectedDevices(), String.join(",", configuration.optionIds()),
                    paidUntil, rate.minorUnits(), at);
            return null;
        });
        return instance;
    }

    /** An enabled instance for two devices, of a new account of the default tenant in euros, made then and paid until then. */
    public static InstanceId instance(Store store, Instant at) {
        Currency eur = Currency.getInstance("EUR");
        AccountId account = account(store, TenantId.DEFAULT, eur, at);
        return instance(store, account, InstanceConfiguration.of("starter", 2, Set.of()), at, Money.ofMinor(200, eur), at);
    }

    private static void execute(Transaction tx, String sql, Object... values) {
        try (PreparedStatement statement = tx.connection().prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i] instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : values[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write billing's test rows: " + e.getMessage(), e);
        }
    }
}
