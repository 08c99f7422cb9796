package org.dmscloud.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import javax.sql.DataSource;

import org.dmscloud.persistence.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The changeset that gave top-ups their tenant, on tables as release 0.1 left them: top-ups from before it take
 * their account's tenant, and the column then refuses a top-up without one.
 */
class PaymentsChangelogTest {

    private static final Instant THEN = Instant.parse("2026-11-20T09:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgres" })
    void topUpsFromBeforeTakeTheirAccountsTenant(String databaseKind) throws SQLException {
        DataSource dataSource = databaseKind.equals("h2") ? TestDatabases.h2() : TestDatabases.postgres();
        TestDatabases.open(dataSource, TestDatabases.TENANTS, TestDatabases.BILLING);
        TestDatabases.migrateBundle(dataSource, PaymentTables.BUNDLE, PaymentTables.class, "db/payments-0.1-changelog.xml");
        String account = UUID.randomUUID().toString();
        String topUp = UUID.randomUUID().toString();
        try (Connection connection = dataSource.getConnection()) {
            execute(connection, "INSERT INTO tenant (id, name, created_at) VALUES ('acme', 'Acme', ?)", THEN);
            execute(connection, "INSERT INTO account (id, tenant_id, display_name, currency, balance_minor, created_at, version) "
                    + "VALUES ('" + account + "', 'acme', 'Acme customer', 'USD', 0, ?, 0)", THEN);
            execute(connection, "INSERT INTO top_up (id, account_id, provider_id, amount_minor, received_minor, currency, status, instructions, "
                    + "customer_email, detail, created_at, updated_at) VALUES ('" + topUp + "', '" + account + "', 'stripe', 5000, 0, 'USD', "
                    + "'STARTING', '', 'ada@example.com', '', ?, ?)", THEN, THEN);
        }

        TestDatabases.migrateBundle(dataSource, PaymentTables.BUNDLE, PaymentTables.class, PaymentTables.CHANGELOG);

        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT tenant_id FROM top_up WHERE id = ?")) {
            select.setString(1, topUp);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString("tenant_id")).isEqualTo("acme");
            }
            String without = UUID.randomUUID().toString();
            assertThatThrownBy(() -> execute(connection, "INSERT INTO top_up (id, account_id, provider_id, "
                    + "amount_minor, received_minor, currency, status, instructions, customer_email, detail, created_at, updated_at) VALUES ('"
                    + without + "', '" + account + "', 'stripe', 5000, 0, 'USD', 'STARTING', '', 'ada@example.com', '', ?, ?)", THEN, THEN))
                    .as("a top-up without a tenant").isInstanceOf(SQLException.class);
        }
    }

    private static void execute(Connection connection, String sql, Instant... instants) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < instants.length; i++) {
                statement.setObject(i + 1, instants[i].atOffset(ZoneOffset.UTC));
            }
            statement.executeUpdate();
        }
    }
}
