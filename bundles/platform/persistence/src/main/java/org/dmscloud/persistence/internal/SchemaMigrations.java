package org.dmscloud.persistence.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import org.dmscloud.persistence.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.changelog.FastCheckService;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Brings a bundle's tables up to date with the Liquibase changelog it ships ({@link BundleChangelogs}). Safe to run
 * on every start and from several nodes at once: Liquibase applies each changeset once, under its own database lock.
 */
public final class SchemaMigrations {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);

    private final DataSource dataSource;
    private final ResourceAccessor resources;
    private final String changelog;
    private volatile boolean applied;

    /**
     * A bundle's changelog as the running platform applies it ({@link BundleChangelogs}: recorded under the
     * bundle's symbolic name), read from a class path instead of the bundle: for the tests of a bundle and a
     * plugin, outside OSGi.
     */
    public static SchemaMigrations ofBundle(DataSource dataSource, String symbolicName, ClassLoader classPath, String changelogEntry) {
        ChangelogResources resources = new ChangelogResources(new ChangelogSource() {
            @Override
            public String name() {
                return symbolicName;
            }

            @Override
            public java.net.URL entry(String path) {
                return classPath.getResource(path);
            }
        });
        return new SchemaMigrations(dataSource, resources, resources.pathOf(changelogEntry));
    }

    /** With a changelog that the resource accessor finds, such as a plugin bundle's. */
    SchemaMigrations(DataSource dataSource, ResourceAccessor resources, String changelog) {
        this.dataSource = dataSource;
        this.resources = resources;
        this.changelog = changelog;
    }

    /** Applies pending migrations unless this instance already has; throws if the database is not usable. */
    public void ensureApplied() {
        if (!applied) {
            synchronized (this) {
                if (!applied) {
                    apply();
                    applied = true;
                }
            }
        }
    }

    private void apply() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Liquibase finds its own extensions through the context class loader (STACK.md pitfall 10).
        thread.setContextClassLoader(Scope.class.getClassLoader());
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Map<String, Object> scope = Map.of(
                    Scope.Attr.resourceAccessor.name(), resources,
                    Scope.Attr.ui.name(), new LoggerUIService(),
                    "liquibase.analytics.enabled", Boolean.FALSE);
            // Liquibase remembers, per database and changelog path, that a changelog was up to date; a bundle updated
            // in place brings new changesets under the same path, so nothing may be taken from memory.
            Scope.getCurrentScope().getSingleton(FastCheckService.class).clearCache();
            Scope.child(scope, () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
                    // The summary goes to the log, not to the operator's console.
                    .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                    .execute());
            LOG.info("Database schema is up to date with {} ({} {})", changelog, database.getDatabaseProductName(), database.getDatabaseProductVersion());
        } catch (SQLException e) {
            throw new StoreUnavailableException("The database cannot be reached: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new StoreUnavailableException("The database schema could not be brought up to date: " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
