package org.dmscloud.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.dmscloud.persistence.DuplicateKeyException;
import org.dmscloud.persistence.Store;
import org.dmscloud.persistence.Transaction;
import org.dmscloud.persistence.jdbc.Jdbc;
import org.dmscloud.persistence.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store on every database the platform supports: each subclass brings one
 * database, shared by the tests of the class. The bundles' repositories are tested in their bundles.
 */
abstract class StoreContractTest {

    private TestDatabases.OpenStore openStore;
    private Store store;

    /** A database with nothing in it, or with what earlier tests of the same class left. */
    protected abstract DataSource dataSource();

    @BeforeEach
    void openStore() throws SQLException {
        openStore = TestDatabases.open(dataSource());
        store = openStore.store();
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS store_probe (id VARCHAR(36) PRIMARY KEY)");
        }
    }

    @AfterEach
    void closeStore() {
        openStore.close();
    }

    @Test
    void theStoreMakesNoTableOfItsOwnEachBundleBringsItsOwn() throws SQLException {
        try (Connection connection = dataSource().getConnection();
                ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(), "%", new String[] { "TABLE", "BASE TABLE" })) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
            }
            assertThat(names).as("only this test's probe").containsExactly("store_probe");
        }
    }

    @Test
    void whatATransactionWritesIsThereAfterItCommits() throws SQLException {
        String id = UUID.randomUUID().toString();

        store.inTransaction(tx -> insert(tx, id));

        assertThat(TestDatabases.queryForLong(dataSource(), "SELECT COUNT(*) FROM store_probe WHERE id = '" + id + "'")).isEqualTo(1);
    }

    @Test
    void aFailedTransactionStoresNothing() throws SQLException {
        String id = UUID.randomUUID().toString();

        assertThatThrownBy(() -> store.inTransaction(tx -> {
            insert(tx, id);
            throw new IllegalStateException("changed my mind");
        })).hasMessage("changed my mind");

        assertThat(TestDatabases.queryForLong(dataSource(), "SELECT COUNT(*) FROM store_probe WHERE id = '" + id + "'")).isZero();
    }

    @Test
    void aNestedTransactionJoinsTheOuterOne() {
        String id = UUID.randomUUID().toString();

        boolean seenInside = store.inTransaction(tx -> {
            insert(tx, id);
            return store.inTransaction(inner -> inner.connection() == tx.connection() && count(inner, id) == 1);
        });

        assertThat(seenInside).isTrue();
    }

    @Test
    void aReadSeesWhatTransactionsCommitted() {
        String id = UUID.randomUUID().toString();
        assertThat(store.<Long>read(tx -> count(tx, id))).isZero();

        store.inTransaction(tx -> insert(tx, id));

        assertThat(store.<Long>read(tx -> count(tx, id))).isEqualTo(1);
    }

    @Test
    void aReadInsideATransactionJoinsItAndSeesWhatItWrote() {
        String id = UUID.randomUUID().toString();

        boolean seenInside = store.inTransaction(tx -> {
            insert(tx, id);
            return store.read(read -> read.connection() == tx.connection() && count(read, id) == 1);
        });

        assertThat(seenInside).isTrue();
    }

    @Test
    void aTransactionInsideAReadIsRefusedAndWritesNothing() {
        String id = UUID.randomUUID().toString();

        assertThatThrownBy(() -> store.read(tx -> store.inTransaction(inner -> insert(inner, id))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("inside a read");

        assertThat(store.<Long>read(tx -> count(tx, id))).isZero();
    }

    @Test
    void transactionsAfterReadsStillCommitOrRollBackAsOne() {
        String kept = UUID.randomUUID().toString();
        String dropped = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            store.read(tx -> count(tx, kept));
        }

        store.inTransaction(tx -> insert(tx, kept));
        assertThatThrownBy(() -> store.inTransaction(tx -> {
            insert(tx, dropped);
            throw new IllegalStateException("changed my mind");
        })).hasMessage("changed my mind");

        assertThat(store.<Long>read(tx -> count(tx, kept) + 10 * count(tx, dropped))).isEqualTo(1);
    }

    @Test
    void aDuplicateKeyIsTheStoresExceptionAndRollsTheTransactionBack() throws SQLException {
        String id = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        store.inTransaction(tx -> insert(tx, id));

        assertThatThrownBy(() -> store.inTransaction(tx -> {
            insert(tx, other);
            return insert(tx, id);
        })).isInstanceOf(DuplicateKeyException.class);

        assertThat(TestDatabases.queryForLong(dataSource(), "SELECT COUNT(*) FROM store_probe WHERE id = '" + other + "'")).isZero();
    }

    private static Void insert(Transaction tx, String id) {
        Jdbc.of(tx).call(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO store_probe (id) VALUES (?)")) {
                insert.setString(1, id);
                return insert.executeUpdate();
            }
        });
        return null;
    }

    private static long count(Transaction tx, String id) {
        return Jdbc.of(tx).call(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM store_probe WHERE id = ?")) {
                select.setString(1, id);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }
}
