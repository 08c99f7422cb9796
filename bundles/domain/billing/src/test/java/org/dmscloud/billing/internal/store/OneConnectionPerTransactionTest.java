package org.dmscloud.billing.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.dmscloud.api.account.Account;
import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.instance.Instance;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.instance.InstanceState;
import org.dmscloud.api.money.Money;
import org.dmscloud.persistence.testing.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * A billing transaction works on the store transaction's one connection, JPA included, from the very first: with
 * a pool of one connection nothing may ask for a second. When the persistence unit was set up lazily, the first
 * transactions each waited for a second connection, and 16 of them at once exhausted a pool of 16. A read ({@link BillingStore#read}) takes one connection too.
 */
class OneConnectionPerTransactionTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void aBillingTransactionNeverAsksThePoolForASecondConnection() {
        OneAtATime pool = new OneAtATime(TestDatabases.h2());
        TestDatabases.OpenStore database = TestDatabases.open(pool, TestDatabases.TENANTS);
        try (TestBillingStore billing = TestBillingStore.on(database)) {
            NewAccount account = new NewAccount(AccountId.random(), TenantId.DEFAULT, "One GmbH", EUR, Instant.parse("2026-11-29T10:00:00Z"));
            Instance instance = new Instance(InstanceId.random(), account.id(), "one", InstanceConfiguration.of("starter", 500, Set.of()),
                    InstanceState.ENABLED, Optional.empty(), account.createdAt(), Money.zero(EUR), account.createdAt());

            List<Object> read = billing.store().inTransaction(tx -> {
                Account created = tx.accounts().create(account);
                tx.instances().create(instance);
                Optional<Account> locked = tx.accounts().lock(account.id());
                List<Instance> listed = tx.instances().listByAccount(account.id());
                long entries = tx.ledger().mismatches(1).size();
                return List.of(created, locked.orElseThrow(), listed, entries);
            });

            List<Instance> readAlone = billing.store().read(tx -> tx.instances().listByAccount(account.id()));

            assertThat(read).hasSize(4);
            assertThat(readAlone).singleElement().satisfies(listed -> assertThat(listed.paidRate().currency()).isEqualTo(EUR));
            assertThat(pool.mostAtOnce()).isEqualTo(1);
        }
    }

    /** A pool of one: a second connection asked for while one is out is refused, as an exhausted pool would. */
    private static final class OneAtATime implements DataSource {

        private final DataSource database;
        private final AtomicInteger out = new AtomicInteger();
        private final AtomicInteger most = new AtomicInteger();

        OneAtATime(DataSource database) {
            this.database = database;
        }

        int mostAtOnce() {
            return most.get();
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (out.incrementAndGet() > 1) {
                out.decrementAndGet();
                throw new SQLException("a second connection was asked for while one is out", "08004");
            }
            most.accumulateAndGet(out.get(), Math::max);
            Connection connection = database.getConnection();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { Connection.class },
                    (proxy, method, arguments) -> {
                        if (method.getName().equals("close") && !connection.isClosed()) {
                            out.decrementAndGet();
                        }
                        try {
                            return method.invoke(connection, arguments);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter writer) {
            // nothing to log
        }

        @Override
        public void setLoginTimeout(int seconds) {
            // connections are at hand
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
