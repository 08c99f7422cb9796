package org.dmscloud.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.jar.Manifest;

import javax.sql.DataSource;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.tenant.Tenant;
import org.dmscloud.persistence.Schema;
import org.dmscloud.persistence.internal.SchemaMigrations;
import org.dmscloud.persistence.testing.TestClock;
import org.dmscloud.persistence.testing.TestDatabases;
import org.dmscloud.tenants.internal.TenantBook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Databases made by earlier builds, upgraded by today's bundles, each applying its own changelog in the order its
 * {@code DMS-Changelog-Requires} declares, as the schema extender does: read from the bundles' jars and their
 * manifests. A database the build of 2026-12-07 made (the platform's changelog creating every bundle's tables) sees
 * every changeset as applied and loses nothing; one from before tenants were real has everything become the default
 * tenant's; and either ends with exactly the tables, columns and constraints a new database gets.
 */
class SchemaUpgradeIT {

    private static final Instant THEN = Instant.parse("2026-11-20T09:00:00Z");
    private static final Currency USD = Currency.getInstance("USD");
    private static final String FIXTURE = "schema-2026-12-07/";

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgres" })
    void aDatabaseOfTheBuildBeforeBundlesOwnedTheirTablesSeesEveryChangesetAsAppliedAndKeepsItsRows(String kind) throws Exception {
        DataSource dataSource = database(kind);
        migrateAsOn20261207(dataSource, "db/changelog/db.changelog-master.xml");
        AccountId account = AccountId.random();
        String email = fillAsAnInstallationWould(dataSource, account, "acme");
        List<String> before = changesets(dataSource);

        upgradeWithTodaysBundles(dataSource);

        List<String> after = changesets(dataSource);
        assertThat(after).as("nothing applied before is forgotten").containsAll(before);
        List<String> added = new ArrayList<>(after);
        added.removeAll(before);
        assertThat(added).as("only the halves of changeset 008, marked as run: their columns are there")
                .containsExactlyInAnyOrder("dms-cloud-mail/db/mail-changelog.xml::mail-001-tenant::MARK_RAN",
                        "dms-cloud-contact/db/contact-changelog.xml::contact-001-tenant::MARK_RAN");
        assertThat(row(dataSource, "SELECT tenant_id, balance_minor FROM account WHERE id = ?", account.toString())).containsExactly("acme", "12345");
        assertThat(row(dataSource, "SELECT tenant_id, sender, status FROM mail_outbox WHERE recipient = ?", email)).containsExactly("acme", null, "PENDING");
        assertThat(row(dataSource, "SELECT tenant_id, status FROM top_up WHERE customer_email = ?", email)).containsExactly("acme", "STARTING");
        assertThat(shape(dataSource)).as("the tables a new database gets").containsExactlyInAnyOrderElementsOf(shape(newDatabaseOfTheSameKind(kind)));

        upgradeWithTodaysBundles(dataSource);
        assertThat(changesets(dataSource)).as("applied again, nothing changes").isEqualTo(after);
    }

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgres" })
    void everythingOfAnInstallationFromBeforeTenantsBecomesTheDefaultTenants(String kind) throws Exception {
        DataSource dataSource = database(kind);
        migrateAsOn20261207(dataSource, "db/changelog/before-tenants.xml");
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

        upgradeWithTodaysBundles(dataSource);

        TenantBook tenants = new TenantBook(TestDatabases.open(dataSource).store(), new TestClock(Instant.parse("2026-11-29T10:00:00Z")), USD);
        Tenant platform = tenants.find(TenantId.DEFAULT).orElseThrow();
        assertThat(platform.settings().currency()).as("the currency its new accounts had").isEqualTo(USD);
        assertThat(platform.settings().brand()).as("it speaks as the platform").isEmpty();
        assertThat(tenants.list()).extracting(Tenant::id).containsExactly(TenantId.DEFAULT);
        assertThat(row(dataSource, "SELECT tenant_id, balance_minor FROM account WHERE id = ?", account.toString())).containsExactly("default", "12345");
        assertThat(row(dataSource, "SELECT tenant_id, account_id FROM customer_user WHERE email = ?", email))
                .containsExactly("default", account.toString());
        assertThat(row(dataSource, "SELECT tenant_id, sender, status FROM mail_outbox WHERE recipient = ?", email))
                .as("the platform's sender, as configured").containsExactly("default", null, "PENDING");
        assertThat(row(dataSource, "SELECT tenant_id, message FROM contact_message WHERE email = ?", email))
                .containsExactly("default", "Hello from before");
        assertThat(shape(dataSource)).as("the tables a new database gets").containsExactlyInAnyOrderElementsOf(shape(newDatabaseOfTheSameKind(kind)));
    }

    private static DataSource database(String kind) {
        return kind.equals("h2") ? TestDatabases.h2() : TestDatabases.postgres();
    }

    private static DataSource newDatabaseOfTheSameKind(String kind) throws IOException {
        DataSource fresh = database(kind);
        upgradeWithTodaysBundles(fresh);
        return fresh;
    }

    /**
     * Applies the changelogs as that build did: the platform's own, recorded under {@code db/changelog/...}, up to
     * this master, then (for the whole one) the three bundles that had their own already.
     */
    private static void migrateAsOn20261207(DataSource dataSource, String platformMaster) throws Exception {
        try (URLClassLoader platform = folder("platform")) {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(Scope.class.getClassLoader());
            try (Connection connection = dataSource.getConnection()) {
                Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
                Scope.child(Map.of(Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(platform),
                        "liquibase.analytics.enabled", Boolean.FALSE), () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                        .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, platformMaster).execute());
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
        if (platformMaster.endsWith("db.changelog-master.xml")) {
            for (String bundle : List.of("billing", "payments", "events")) {
                try (URLClassLoader entries = folder("dms-cloud-" + bundle)) {
                    SchemaMigrations.ofBundle(dataSource, "dms-cloud-" + bundle, entries, "db/" + bundle + "-changelog.xml").ensureApplied();
                }
            }
        }
    }

    /** The fixture's folder as a class path of its own, as a bundle's entries are only its own. */
    private static URLClassLoader folder(String name) {
        URL root = SchemaUpgradeIT.class.getClassLoader().getResource(FIXTURE + name + "/");
        assertThat(root).as("the fixture " + name).isNotNull();
        return new URLClassLoader(new URL[] { root }, null);
    }

    /**
     * Every bundle jar on the class path that names a changelog in its manifest, each applied once those it requires
     * are, as the extender applies them; a bundle whose requirement is never met fails the test.
     */
    private static void upgradeWithTodaysBundles(DataSource dataSource) throws IOException {
        Map<String, BundleChangelog> pending = new LinkedHashMap<>();
        for (URL manifestUrl : Collections.list(SchemaUpgradeIT.class.getClassLoader().getResources("META-INF/MANIFEST.MF"))) {
            Manifest manifest;
            try (InputStream in = manifestUrl.openStream()) {
                manifest = new Manifest(in);
            }
            String changelog = manifest.getMainAttributes().getValue(Schema.HEADER);
            if (changelog != null) {
                String name = manifest.getMainAttributes().getValue("Bundle-SymbolicName").split(";")[0].trim();
                String jar = manifestUrl.toString().substring(0, manifestUrl.toString().length() - "META-INF/MANIFEST.MF".length());
                String requires = manifest.getMainAttributes().getValue(Schema.REQUIRES);
                Set<String> required = Schema.requiredBundles(requires);
                pending.put(name, new BundleChangelog(name, new URL(jar), changelog, required));
            }
        }
        assertThat(pending.keySet()).as("the platform's bundles with tables").containsExactlyInAnyOrder("dms-cloud-tenants", "dms-cloud-billing",
                "dms-cloud-customers", "dms-cloud-mail", "dms-cloud-contact", "dms-cloud-payments", "dms-cloud-events", "dms-cloud-acs",
                "dms-cloud-deployments");
        Set<String> applied = new TreeSet<>();
        while (!pending.isEmpty()) {
            BundleChangelog next = pending.values().stream().filter(bundle -> applied.containsAll(bundle.requires())).findFirst()
                    .orElseThrow(() -> new AssertionError("these bundles' requirements are never met: " + pending.values()));
            try (URLClassLoader entries = new URLClassLoader(new URL[] { next.jar() }, null)) {
                SchemaMigrations.ofBundle(dataSource, next.name(), entries, next.changelog()).ensureApplied();
            }
            applied.add(next.name());
            pending.remove(next.name());
        }
    }

    private record BundleChangelog(String name, URL jar, String changelog, Set<String> requires) {
    }

    /** Each changeset Liquibase recorded, as its file, id and how it was applied, in the order it was. */
    private static List<String> changesets(DataSource dataSource) throws SQLException {
        List<String> changesets = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                ResultSet rows = connection.createStatement()
                        .executeQuery("SELECT filename, id, exectype FROM databasechangelog ORDER BY orderexecuted")) {
            while (rows.next()) {
                changesets.add(rows.getString(1) + "::" + rows.getString(2) + "::" + rows.getString(3));
            }
        }
        return changesets;
    }

    /** Every table's columns (name, type, size, nullable, default), foreign keys and indexes, a line each. */
    private static List<String> shape(DataSource dataSource) throws SQLException {
        Map<String, List<String>> tables = new java.util.TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            var meta = connection.getMetaData();
            String schema = connection.getSchema();
            try (ResultSet names = meta.getTables(null, schema, "%", new String[] { "TABLE", "BASE TABLE" })) {
                while (names.next()) {
                    tables.put(names.getString("TABLE_NAME").toLowerCase(Locale.ROOT), new ArrayList<>());
                }
            }
            for (Map.Entry<String, List<String>> table : tables.entrySet()) {
                String name = meta.storesUpperCaseIdentifiers() ? table.getKey().toUpperCase(Locale.ROOT) : table.getKey();
                try (ResultSet columns = meta.getColumns(null, schema, name, "%")) {
                    while (columns.next()) {
                        table.getValue().add("column " + columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT) + " " + columns.getString("TYPE_NAME")
                                + "(" + columns.getInt("COLUMN_SIZE") + ") " + columns.getString("IS_NULLABLE") + " default "
                                + columns.getString("COLUMN_DEF"));
                    }
                }
                try (ResultSet keys = meta.getImportedKeys(null, schema, name)) {
                    while (keys.next()) {
                        table.getValue().add("foreign key " + String.valueOf(keys.getString("FK_NAME")).toLowerCase(Locale.ROOT) + " to "
                                + keys.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT));
                    }
                }
                try (ResultSet indexes = meta.getIndexInfo(null, schema, name, false, false)) {
                    while (indexes.next()) {
                        if (indexes.getString("INDEX_NAME") != null) {
                            table.getValue().add("index " + withoutGeneratedSuffix(indexes.getString("INDEX_NAME").toLowerCase(Locale.ROOT)) + " on "
                                    + indexes.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                        }
                    }
                }
                Collections.sort(table.getValue());
            }
        }
        tables.remove("databasechangelog");
        tables.remove("databasechangeloglock");
        List<String> shape = new ArrayList<>();
        tables.forEach((table, parts) -> parts.forEach(part -> shape.add(table + ": " + part)));
        return shape;
    }

    /** H2 names the indexes it makes for keys with a suffix of its own (primary_key_9b, fk_user_tenant_index_d), not ours. */
    private static String withoutGeneratedSuffix(String index) {
        return index.replaceAll("^(primary_key|.+_index)_[0-9a-f]+$", "$1");
    }

    /** An account with a customer, a top-up and a mail of the reseller, as an installation of that build holds them. */
    private static String fillAsAnInstallationWould(DataSource dataSource, AccountId account, String tenant) throws SQLException {
        String email = "ada-" + UUID.randomUUID() + "@example.com";
        try (Connection connection = dataSource.getConnection()) {
            insert(connection, "INSERT INTO tenant (id, name, created_at, status, updated_at) VALUES (?, 'Acme', ?, 'ENABLED', ?)", tenant,
                    Timestamp.from(THEN), Timestamp.from(THEN));
            insert(connection, "INSERT INTO account (id, tenant_id, display_name, currency, balance_minor, created_at, version) "
                    + "VALUES (?, ?, 'Ada GmbH', 'USD', 12345, ?, 0)", account.toString(), tenant, Timestamp.from(THEN));
            insert(connection, "INSERT INTO customer_user (id, tenant_id, account_id, email, name, company, password_hash, status, created_at, "
                    + "verified_at) VALUES (?, ?, ?, ?, 'Ada', 'Ada GmbH', 'pbkdf2$hash', 'ACTIVE', ?, ?)", UUID.randomUUID().toString(), tenant,
                    account.toString(), email, Timestamp.from(THEN), Timestamp.from(THEN));
            insert(connection, "INSERT INTO mail_outbox (tenant_id, kind, recipient, subject, body, status, attempts, next_attempt_at, created_at) "
                    + "VALUES (?, 'top-up-credited', ?, 'We received your payment', 'Thank you.', 'PENDING', 0, ?, ?)", tenant, email,
                    Timestamp.from(THEN), Timestamp.from(THEN));
            insert(connection, "INSERT INTO top_up (id, tenant_id, account_id, provider_id, amount_minor, received_minor, currency, status, instructions, "
                    + "customer_email, detail, created_at, updated_at) VALUES (?, ?, ?, 'stripe', 5000, 0, 'USD', 'STARTING', '', ?, '', ?, ?)",
                    UUID.randomUUID().toString(), tenant, account.toString(), email, Timestamp.from(THEN), Timestamp.from(THEN));
        }
        return email;
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
