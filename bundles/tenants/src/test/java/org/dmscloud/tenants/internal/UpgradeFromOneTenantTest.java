package org.dmscloud.tenants.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.tenant.Tenant;
import org.dmscloud.persistence.testing.TestClock;
import org.dmscloud.persistence.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An installation from before tenants were real, upgraded: its database as the last such release left it, with a
 * customer, an outbox mail and a Contact Us message, migrated by this release; everything it had becomes the
 * default tenant's, which takes the currency its new accounts had, and nothing is lost.
 */
class UpgradeFromOneTenantTest {

    private static final Instant THEN = Instant.parse("2026-11-20T09:00:00Z");
    private static final Currency USD = Currency.getInstance("USD");

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgres" })
    void everythingOfAnOlderInstallationBecomesTheDefaultTenants(String databaseKind) throws SQLException {
        DataSource dataSource = databaseKind.equals("h2") ? TestDatabases.h2() : TestDatabases.postgres();
        TestDatabases.migrateAsBeforeTenants(dataSource);
        AccountId account = AccountId.random();
        String email = "legacy-" + UUID.randomUUID() + "@example.com";
        try (Connection connection = dataSource.getConnection()) {
            insert(connection, "INSERT INTO account (id, tenant_id, display_name, currency, balance_minor, created_at, version) "
                    + "VALUES (?, 'default', 'Legacy GmbH', 'USD', 12345, ?, 0)", account.toString(), Timestamp.from(THEN));
            insert(connection, "INSERT INTO customer_user (id, tenant_id, account_id, email, name, company, password_hash, status, created_at, "
                    + "verified_at) VALUES (?, 'default', ?, ?, 'Lee', 'Legacy GmbH', 'pbkdf2$hash', 'ACTIVE', ?, ?)",
                    UUID.randomUUID().toString(), account.toString(), email, Timestamp.from(THEN), Timestamp.from(THEN));
            insert(connection, "INSERT INTO mail_outbox (kind, recipient, subject, body, status, attempts, next_attempt_at, created_at) "
                    + "VALUES ('top-up-credited', ?, 'We received your payment', 'Thank you.', 'PENDING', 0, ?, ?)", email, Timestamp.from(THEN),
                    Timestamp.from(THEN));
            insert(connection, "INSERT INTO contact_message (name, email, company, topic, message, client_address, created_at) "
                    + "VALUES ('Lee', ?, '', 'SALES', 'Hello from before', '192.0.2.1', ?)", email, Timestamp.from(THEN));
        }

        try (TestDatabases.OpenStore upgraded = TestDatabases.open(dataSource)) {
            TenantBook tenants = new TenantBook(upgraded.store(), new TestClock(Instant.parse("2026-11-29T10:00:00Z")), USD);

            Tenant platform = tenants.find(TenantId.DEFAULT).orElseThrow();
            assertThat(platform.settings().currency()).as("the currency its new accounts had").isEqualTo(USD);
            assertThat(platform.settings().brand()).as("it speaks as the platform").isEmpty();
            assertThat(tenants.list()).extracting(Tenant::id).containsExactly(TenantId.DEFAULT);
            // Read back as the rows they are: the upgrade is the migration's work, whichever bundle now owns each table.
            assertThat(row(dataSource, "SELECT tenant_id, balance_minor FROM account WHERE id = ?", account.toString()))
                    .containsExactly("default", "12345");
            assertThat(row(dataSource, "SELECT tenant_id, account_id FROM customer_user WHERE email = ?", email))
                    .containsExactly("default", account.toString());
            assertThat(row(dataSource, "SELECT tenant_id, sender, status FROM mail_outbox WHERE recipient = ?", email))
                    .as("the platform's sender, as configured").containsExactly("default", null, "PENDING");
            assertThat(row(dataSource, "SELECT tenant_id, message FROM contact_message WHERE email = ?", email))
                    .containsExactly("default", "Hello from before");
        }
    }

    /** The only row the query finds, its columns as text. */
    private static List<String> row(DataSource dataSource, String sql, String parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet rows = select.executeQuery()) {
                assertThat(rows.next()).as("a row from %s", sql).isTrue();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    columns.add(rows.getString(i));
                }
                assertThat(rows.next()).as("one row from %s", sql).isFalse();
                return columns;
            }
        }
    }

    private static void insert(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            insert.executeUpdate();
        }
    }
}
