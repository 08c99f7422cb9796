package org.dmscloud.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.dmscloud.persistence.Store;
import org.dmscloud.persistence.StoreUnavailableException;
import org.dmscloud.persistence.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A bundle's own tables: its changelog, read from the bundle under its name, applied after the changelogs of the
 * bundles its tables refer to; its rows written through the transaction's connection commit and roll back with the
 * other bundle's in one transaction. The sources here are class-path folders standing for bundles; the running
 * extender reads bundle entries.
 */
abstract class BundleSchemaContractTest {


    private DataSource dataSource;
    private TestDatabases.OpenStore openStore;
    private Store store;

    /** A database with nothing in it. */
    protected abstract DataSource newDatabase();

    @BeforeEach
    void openStore() {
        dataSource = newDatabase();
        openStore = TestDatabases.open(dataSource);
        store = openStore.store();
    }

    @AfterEach
    void closeStore() {
        openStore.close();
    }

    @Test
    void aBundlesTablesReferToAnotherBundlesAndItsRowsCommitAndRollBackWithTheOthersInOneTransaction() throws SQLException {
        migrate("org.example.things", "things");
        migrate("org.example.reports", "reports-1");
        String kept = UUID.randomUUID().toString();
        String rolledBack = UUID.randomUUID().toString();

        store.inTransaction(tx -> {
            insert(tx.connection(), "INSERT INTO thing (id) VALUES (?)", kept);
            insert(tx.connection(), "INSERT INTO report_instance (instance_id, note) VALUES (?, 'kept')", kept);
            return null;
        });
        assertThatThrownBy(() -> store.inTransaction(tx -> {
            insert(tx.connection(), "INSERT INTO thing (id) VALUES (?)", rolledBack);
            insert(tx.connection(), "INSERT INTO report_instance (instance_id, note) VALUES (?, 'rolled back')", rolledBack);
            throw new IllegalStateException("the charge failed");
        })).hasMessage("the charge failed");

        assertThat(strings("SELECT note FROM report_instance")).containsExactly("kept");
        assertThat(strings("SELECT id FROM thing")).containsExactly(kept);
        // The foreign key to the other bundle's table holds: no row for a thing that does not exist.
        assertThatThrownBy(() -> store.inTransaction(tx -> {
            insert(tx.connection(), "INSERT INTO report_instance (instance_id, note) VALUES (?, 'orphan')", UUID.randomUUID().toString());
            return null;
        })).isInstanceOf(RuntimeException.class);
    }

    @Test
    void aChangelogWhoseTablesReferToTablesNotThereYetFailsAndCanBeAppliedOnceTheyAre() {
        assertThatThrownBy(() -> migrate("org.example.reports", "reports-1")).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("org.example.reports");

        migrate("org.example.things", "things");
        migrate("org.example.reports", "reports-1");
    }

    @Test
    void twoBundlesWithTheSamePathsAndChangesetIdsKeepTheirChangesetsApart() throws SQLException {
        migrate("org.example.things", "things");
        migrate("org.example.reports", "reports-1");
        migrate("org.example.other", "other");

        assertThat(strings("SELECT filename FROM databasechangelog WHERE filename LIKE 'org.example.%/db/tables.xml' ORDER BY filename"))
                .containsExactly("org.example.other/db/tables.xml", "org.example.reports/db/tables.xml");
        assertThat(count("SELECT COUNT(*) FROM other_setting")).isZero();
        assertThat(count("SELECT COUNT(*) FROM report_instance")).isZero();
    }

    @Test
    void appliedAgainNothingChangesAndAnUpdatedBundlesNewChangesetIsApplied() throws SQLException {
        migrate("org.example.things", "things");
        migrate("org.example.reports", "reports-1");
        long applied = count("SELECT COUNT(*) FROM databasechangelog");
        migrate("org.example.reports", "reports-1");
        assertThat(count("SELECT COUNT(*) FROM databasechangelog")).isEqualTo(applied);

        migrate("org.example.reports", "reports-2");

        assertThat(count("SELECT COUNT(*) FROM databasechangelog")).isEqualTo(applied + 1);
        assertThat(count("SELECT COUNT(pages) FROM report_instance")).isZero();
    }

    @Test
    void aChangelogTheBundleDoesNotHaveIsRefusedNamingIt() {
        assertThatThrownBy(() -> migrate("org.example.reports", "no-such-plugin"))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("org.example.reports/db/changelog.xml");
    }

    /** Migrates a folder under {@code plugins/} of the test class path as the bundle {@code name} would be. */
    private void migrate(String name, String folder) {
        ChangelogResources resources = new ChangelogResources(new ChangelogSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public URL entry(String path) {
                return BundleSchemaContractTest.class.getClassLoader().getResource("plugins/" + folder + "/" + path);
            }
        });
        new SchemaMigrations(dataSource, resources, resources.pathOf("db/changelog.xml")).ensureApplied();
    }

    /** Inserts a row; the statement's last two parameters, if any beyond the given ones, are the test's moment. */
    private static void insert(Connection connection, String sql, String... values) {
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                insert.setString(i + 1, values[i]);
            }
            for (int i = values.length + 1; i <= insert.getParameterMetaData().getParameterCount(); i++) {
                insert.setObject(i, Instant.parse("2026-11-29T10:00:00Z").atOffset(java.time.ZoneOffset.UTC));
            }
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> strings(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private long count(String sql) throws SQLException {
        return Long.parseLong(strings(sql).get(0));
    }
}
