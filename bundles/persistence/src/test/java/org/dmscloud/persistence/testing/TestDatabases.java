package org.dmscloud.persistence.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.dmscloud.persistence.Store;
import org.dmscloud.persistence.internal.JdbcStore;
import org.dmscloud.persistence.internal.SchemaMigrations;
import org.h2.jdbcx.JdbcDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Real databases for tests of this and other bundles: an in-memory H2 like the embedded default, and a
 * PostgreSQL server started from Maven Central's binaries, shared by the JVM's tests. Each database is
 * migrated by the production migrations when its store opens.
 */
public final class TestDatabases {

    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    /** A new, empty in-memory H2 database. */
    public static DataSource h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        dataSource.setUser("sa");
        return dataSource;
    }

    /** A new, empty database on the JVM's PostgreSQL server, started on first use. */
    public static synchronized DataSource postgres() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "200").start();
                Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::stopPostgres));
            }
            String name = "test_" + UUID.randomUUID().toString().replace("-", "");
            try (var connection = postgres.getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            }
            return postgres.getDatabase("postgres", name);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL for the tests", e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create a test database", e);
        }
    }

    /** The production store on this data source, with the schema migrated. Close it with {@link OpenStore#close()}. */
    public static OpenStore open(DataSource dataSource) {
        return new OpenStore(new JdbcStore(dataSource), dataSource);
    }

    /**
     * Applies a bundle's own changelog ({@code DMS-Changelog}) to a database whose store is open, as the
     * platform does when the bundle starts: read from the test's class path, recorded under the bundle's name.
     */
    public static void migrateBundle(DataSource dataSource, String symbolicName, Class<?> ofBundle, String changelogEntry) {
        SchemaMigrations.ofBundle(dataSource, symbolicName, ofBundle.getClassLoader(), changelogEntry).ensureApplied();
    }

    /**
     * Migrates the data source as a release before multi-tenancy left it, the changesets up to 006, so that a
     * test can fill it as an older installation would and then open the store on it, which upgrades it.
     */
    public static void migrateAsBeforeTenants(DataSource dataSource) {
        new SchemaMigrations(dataSource, "db/changelog/before-tenants.xml").ensureApplied();
    }

    /** The first column of the first row the query answers; fails the test if it answers none. */
    public static String queryForString(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).as("a row from %s", sql).isTrue();
            return rows.getString(1);
        }
    }

    public static long queryForLong(DataSource dataSource, String sql) throws SQLException {
        return Long.parseLong(queryForString(dataSource, sql));
    }

    /**
     * A store and what it runs on. The store keeps nothing open between transactions; closing says that the test
     * is done with it, as for the stores of other bundles built on it (billing's, which has an entity manager factory).
     */
    public record OpenStore(Store store, DataSource dataSource) implements AutoCloseable {
        @Override
        public void close() {
            // nothing held between transactions
        }
    }

    private static synchronized void stopPostgres() {
        try {
            if (postgres != null) {
                postgres.close();
            }
        } catch (IOException e) {
            // The JVM is going away and the data directory is temporary.
        }
    }
}
