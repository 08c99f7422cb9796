package org.dmscloud.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import javax.sql.DataSource;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.money.Money;
import org.dmscloud.persistence.AccountRecord;
import org.dmscloud.persistence.NewAccount;
import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The same migrations and repository round trips, run against every database the platform supports:
 * each subclass brings one real database.
 */
abstract class PersistenceContractTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    private EntityManagerFactory entityManagerFactory;
    private JpaStore store;

    /** A database with nothing in it, or with what earlier tests of the same class left. */
    protected abstract DataSource dataSource();

    @BeforeEach
    void openStore() {
        entityManagerFactory = Persistence.createEntityManagerFactory(DataSourceNames.PERSISTENCE_UNIT,
                Map.of(PersistenceUnitProperties.NON_JTA_DATASOURCE, dataSource()));
        store = new JpaStore(entityManagerFactory, dataSource());
    }

    @AfterEach
    void closeStore() {
        entityManagerFactory.close();
    }

    @Test
    void migrationsCreateTheSchemaWithTheDefaultTenant() throws SQLException {
        assertThat(queryForString("SELECT name FROM tenant WHERE id = 'default'")).isEqualTo("DMS Cloud");
    }

    @Test
    void migrationsRunAgainChangeNothing() throws SQLException {
        long applied = queryForLong("SELECT COUNT(*) FROM databasechangelog");
        new SchemaMigrations(dataSource()).ensureApplied();
        assertThat(queryForLong("SELECT COUNT(*) FROM databasechangelog")).isEqualTo(applied).isPositive();
    }

    @Test
    void anAccountSurvivesTheRoundTrip() {
        NewAccount account = newAccount();

        AccountRecord created = store.inTransaction(tx -> tx.accounts().create(account));
        AccountRecord found = store.inTransaction(tx -> tx.accounts().find(account.id())).orElseThrow();

        assertThat(found).isEqualTo(created);
        assertThat(found.id()).isEqualTo(account.id());
        assertThat(found.tenant()).isEqualTo(TenantId.DEFAULT);
        assertThat(found.displayName()).isEqualTo("Example GmbH");
        assertThat(found.balance()).isEqualTo(Money.zero(EUR));
        assertThat(found.createdAt()).isEqualTo(account.createdAt().truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void aLockedReadFindsTheAccount() {
        NewAccount account = newAccount();
        store.inTransaction(tx -> tx.accounts().create(account));

        Optional<AccountRecord> locked = store.inTransaction(tx -> tx.accounts().lock(account.id()));
        Optional<AccountRecord> unknown = store.inTransaction(tx -> tx.accounts().lock(AccountId.random()));

        assertThat(locked).get().extracting(AccountRecord::id).isEqualTo(account.id());
        assertThat(unknown).isEmpty();
    }

    @Test
    void aFailedTransactionStoresNothing() {
        NewAccount account = newAccount();

        assertThatThrownBy(() -> store.inTransaction(tx -> {
            tx.accounts().create(account);
            throw new IllegalStateException("changed my mind");
        })).hasMessage("changed my mind");

        Optional<AccountRecord> found = store.inTransaction(tx -> tx.accounts().find(account.id()));
        assertThat(found).isEmpty();
    }

    @Test
    void aNestedTransactionJoinsTheOuterOne() {
        NewAccount account = newAccount();

        boolean seenInside = store.inTransaction(tx -> {
            tx.accounts().create(account);
            return store.inTransaction(inner -> inner.accounts().find(account.id()).isPresent());
        });

        assertThat(seenInside).isTrue();
    }

    @Test
    void theDatabaseRefusesANegativeBalance() throws SQLException {
        NewAccount account = newAccount();
        store.inTransaction(tx -> tx.accounts().create(account));

        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate(
                    "UPDATE account SET balance_minor = -1 WHERE id = '" + account.id() + "'"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("23"));
        }
        assertThat(store.inTransaction(tx -> tx.accounts().find(account.id())).orElseThrow().balance().isZero()).isTrue();
    }

    private static NewAccount newAccount() {
        // Nanoseconds on purpose: the database keeps microseconds, and the record must say so.
        return new NewAccount(AccountId.random(), TenantId.DEFAULT, "Example GmbH", EUR,
                Instant.parse("2026-11-26T10:15:30.123456789Z"));
    }

    private String queryForString(String sql) throws SQLException {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).as("a row from %s", sql).isTrue();
            return rows.getString(1);
        }
    }

    private long queryForLong(String sql) throws SQLException {
        return Long.parseLong(queryForString(sql));
    }
}
