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
 * PostgreSQL server started from Maven Central's binaries, shared by the JVM's tests. A test names the bundles
 * whose tables it needs, and their changelogs are applied as the platform applies them.
 */
public final class TestDatabases {

    /** The platform's bundles that have tables, in an order that applies each after those its tables refer to. */
    public static final String TENANTS = "dms-cloud-tenants";
    public static final String BILLING = "dms-cloud-billing";
    public static final String CUSTOMERS = "dms-cloud-customers";
    public static final String MAIL = "dms-cloud-mail";
    public static final String CONTACT = "dms-cloud-contact";
    public static final String PAYMENTS = "dms-cloud-payments";
    public static final String EVENTS = "dms-cloud-events";
    public static final String ACS = "dms-cloud-acs";
    public static final String DEPLOYMENTS = "dms-cloud-deployments";

    private static final String PLATFORM_PREFIX = "dms-cloud-";

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

    /**
     * The production store on this data source, with the tables of these platform bundles (first the bundles their
     * tables refer to, as their {@code DMS-Changelog-Requires} says), read from the test's class path. Close it with
     * {@link OpenStore#close()}.
     */
    public static OpenStore open(DataSource dataSource, String... bundles) {
        for (String bundle : bundles) {
            migrateBundle(dataSource, bundle, TestDatabases.class, changelogOf(bundle));
        }
        return new OpenStore(new JdbcStore(dataSource), dataSource);
    }

    /** Where a platform bundle keeps its changelog: {@code db/<its name without dms-cloud->-changelog.xml}. */
    public static String changelogOf(String platformBundle) {
        if (!platformBundle.startsWith(PLATFORM_PREFIX)) {
            throw new IllegalArgumentException("not a platform bundle: " + platformBundle);
        }
        return "db/" + platformBundle.substring(PLATFORM_PREFIX.length()) + "-changelog.xml";
    }

    /**
     * Applies a bundle's own changelog ({@code DMS-Changelog}) to a database whose store is open, as the
     * platform does when the bundle starts: read from the test's class path, recorded under the bundle's name.
     */
    public static void migrateBundle(DataSource dataSource, String symbolicName, Class<?> ofBundle, String changelogEntry) {
        SchemaMigrations.ofBundle(dataSource, symbolicName, ofBundle.getClassLoader(), changelogEntry).ensureApplied();
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
