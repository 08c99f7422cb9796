package org.dmscloud.bench.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.dmscloud.customers.internal.SecretTokens;

/**
 * N customers of the platform's own tenant, written into its tables while it is stopped: each an account with
 * a balance and the ledger entry that explains it, a verified user signed in (a session whose token the load
 * generator sends), and instances paid until tomorrow. Written as the platform's schema has the rows, as the
 * daily-run bench seeds its data; the benchmark measures reads of them, not how they came about.
 */
final class Seed {

    static final long BALANCE_MINOR = 1_000_00;

    private Seed() {
    }

    /** A seeded customer: the session token it signs in with, and its instances. */
    record Customer(String token, List<String> instances) {
    }

    /** Seeds the customers and answers them. */
    static List<Customer> customers(Connection connection, int customers, int instancesEach) throws SQLException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant paidUntil = now.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
        List<Customer> seeded = new ArrayList<>();
        connection.setAutoCommit(false);
        try (PreparedStatement account = connection.prepareStatement("INSERT INTO account (id, tenant_id, display_name, currency, balance_minor, "
                + "created_at, version) VALUES (?, 'default', ?, 'EUR', ?, ?, 0)");
                PreparedStatement ledger = connection.prepareStatement("INSERT INTO ledger_entry (account_id, entry_type, amount_minor, "
                        + "balance_after_minor, currency, description, idempotency_key, created_at) VALUES (?, 'TOP_UP', ?, ?, 'EUR', "
                        + "'Bench top-up', ?, ?)");
                PreparedStatement user = connection.prepareStatement("INSERT INTO customer_user (id, tenant_id, account_id, email, name, company, "
                        + "password_hash, status, created_at, verified_at) VALUES (?, 'default', ?, ?, ?, '', 'unusable', 'ACTIVE', ?, ?)");
                PreparedStatement session = connection.prepareStatement("INSERT INTO user_session (token_hash, user_id, created_at, expires_at) "
                        + "VALUES (?, ?, ?, ?)");
                PreparedStatement instance = connection.prepareStatement("INSERT INTO instance (id, account_id, name, package_id, "
                        + "expected_devices, option_ids, state, paid_until, paid_rate_minor, created_at, version) "
                        + "VALUES (?, ?, ?, 'starter', 500, '', 'ENABLED', ?, 250, ?, 0)")) {
            for (int i = 1; i <= customers; i++) {
                String accountId = UUID.randomUUID().toString();
                String userId = UUID.randomUUID().toString();
                account.setString(1, accountId);
                account.setString(2, "Bench customer " + i);
                account.setLong(3, BALANCE_MINOR);
                account.setObject(4, now.atOffset(ZoneOffset.UTC));
                account.addBatch();
                ledger.setString(1, accountId);
                ledger.setLong(2, BALANCE_MINOR);
                ledger.setLong(3, BALANCE_MINOR);
                ledger.setString(4, "bench-seed/" + accountId);
                ledger.setObject(5, now.atOffset(ZoneOffset.UTC));
                ledger.addBatch();
                user.setString(1, userId);
                user.setString(2, accountId);
                user.setString(3, "bench-" + i + "@example.com");
                user.setString(4, "Bench " + i);
                user.setObject(5, now.atOffset(ZoneOffset.UTC));
                user.setObject(6, now.atOffset(ZoneOffset.UTC));
                user.addBatch();
                String token = SecretTokens.newToken();
                List<String> instances = new ArrayList<>();
                seeded.add(new Customer(token, instances));
                session.setString(1, SecretTokens.hash(token));
                session.setString(2, userId);
                session.setObject(3, now.atOffset(ZoneOffset.UTC));
                session.setObject(4, now.plus(30, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC));
                session.addBatch();
                for (int n = 1; n <= instancesEach; n++) {
                    instances.add(UUID.randomUUID().toString());
                    instance.setString(1, instances.get(n - 1));
                    instance.setString(2, accountId);
                    instance.setString(3, "acs-" + i + "-" + n);
                    instance.setObject(4, paidUntil.atOffset(ZoneOffset.UTC));
                    instance.setObject(5, now.plusSeconds(n).atOffset(ZoneOffset.UTC));
                    instance.addBatch();
                }
            }
            // In the order of their foreign keys.
            account.executeBatch();
            ledger.executeBatch();
            user.executeBatch();
            session.executeBatch();
            instance.executeBatch();
        }
        connection.commit();
        return seeded;
    }
}
