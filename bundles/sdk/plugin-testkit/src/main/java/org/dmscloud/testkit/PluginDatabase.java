package org.dmscloud.testkit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;

import javax.sql.DataSource;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.instance.InstanceState;
import org.dmscloud.api.money.Money;
import org.dmscloud.billing.testing.BillingRows;
import org.dmscloud.persistence.Store;
import org.dmscloud.persistence.testing.TestDatabases;
import org.dmscloud.spi.instance.InstanceEvent;
import org.dmscloud.tenants.testing.TenantRows;

/**
 * The platform database for a plugin's tests: a real, empty database (the embedded H2 the platform runs on
 * by default, or PostgreSQL as in production) with the tables a plugin's may refer to (the tenants' and billing's,
 * made by their own changelogs), the plugin's own changelog applied as the platform applies it when the bundle
 * starts, and the platform's store, whose transactions the plugin's code joins exactly as in the running platform.
 */
public final class PluginDatabase implements AutoCloseable {

    private final DataSource dataSource;
    private final TestDatabases.OpenStore open;

    private PluginDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
        this.open = TestDatabases.open(dataSource, TestDatabases.TENANTS, TestDatabases.BILLING);
    }

    /** A new in-memory H2 database, as the platform's embedded default. */
    public static PluginDatabase h2() {
        return new PluginDatabase(TestDatabases.h2());
    }

    /** A new database on a PostgreSQL server started for the test JVM from Maven Central's binaries. */
    public static PluginDatabase postgres() {
        return new PluginDatabase(TestDatabases.postgres());
    }

    /**
     * Applies the bundle's changelog ({@code DMS-Changelog}), read from the test's class path (the bundle's
     * resources), recorded under the bundle's symbolic name as the platform records it.
     */
    public PluginDatabase withBundleTables(String symbolicName, Class<?> ofBundle, String changelog) {
        TestDatabases.migrateBundle(dataSource, symbolicName, ofBundle, changelog);
        return this;
    }

    public Store store() {
        return open.store();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * An instance in billing's tables (with its tenant and a customer account), written by their owners' fixtures, for
     * a plugin whose rows refer to {@code instance(id)}; answered as the event that would tell of its creation, to build on.
     */
    public InstanceEvent.Builder instance(TenantId tenant, InstanceConfiguration configuration) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Currency eur = Currency.getInstance("EUR");
        Instant paidUntil = now.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
        Money rate = Money.ofMinor(1_000, eur);
        TenantRows.ensure(store(), tenant, now);
        AccountId account = BillingRows.account(store(), tenant, eur, now);
        InstanceId id = BillingRows.instance(store(), account, configuration, paidUntil, rate, now);
        return InstanceEvent.builder().type(InstanceEvent.Type.CREATED).occurredAt(now).instance(id).account(account).tenant(tenant)
                .configuration(configuration).state(InstanceState.ENABLED).paidUntil(paidUntil).paidRate(rate);
    }

    @Override
    public void close() {
        open.close();
    }
}
