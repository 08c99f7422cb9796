package org.dmscloud.persistence.internal;

import java.net.URL;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.dmscloud.persistence.Schema;
import org.dmscloud.persistence.Store;
import org.dmscloud.persistence.StoreUnavailableException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The extender that gives bundles tables of their own: every bundle that names a Liquibase changelog in its
 * {@value Schema#HEADER} header has it applied to the platform database when it starts, after the core's
 * own schema, one bundle at a time on this node (and under Liquibase's database lock across nodes); then a
 * {@link Schema} service says its tables are there. When the database cannot be reached or a changelog
 * fails, it tries again later, waiting longer each time, and says so in the log with the bundle named.
 * A bundle updated in place starts again, and its new changesets are applied then.
 */
@Component(immediate = true)
public class BundleChangelogs {

    private static final Logger LOG = LoggerFactory.getLogger(BundleChangelogs.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    private static final Duration LONGEST_RETRY = Duration.ofMinutes(5);

    private final BundleContext context;
    private final Store store;
    private final DataSource dataSource;
    private final ScheduledExecutorService migrations = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "dms-schema-migrations");
        thread.setDaemon(true);
        return thread;
    });
    private final BundleTracker<BundleSchema> tracker;

    @Activate
    public BundleChangelogs(BundleContext context, @Reference Store store,
            @Reference(target = DataSourceNames.DATA_SOURCE_FILTER) DataSource dataSource) {
        this.context = context;
        this.store = store;
        this.dataSource = dataSource;
        this.tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, new Customizer());
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
        migrations.shutdownNow();
    }

    private final class Customizer implements BundleTrackerCustomizer<BundleSchema> {

        @Override
        public BundleSchema addingBundle(Bundle bundle, BundleEvent event) {
            String changelog = bundle.getHeaders("").get(Schema.HEADER);
            if (changelog == null || changelog.isBlank()) {
                return null;
            }
            BundleSchema schema = new BundleSchema(bundle, changelog.trim());
            schema.attempt(FIRST_RETRY, 0);
            return schema;
        }

        @Override
        public void modifiedBundle(Bundle bundle, BundleEvent event, BundleSchema schema) {
            // STARTING to ACTIVE: nothing changes for the tables
        }

        @Override
        public void removedBundle(Bundle bundle, BundleEvent event, BundleSchema schema) {
            schema.withdraw();
        }
    }

    /** One bundle's changelog: pending, applied (its Schema service registered) or withdrawn. */
    private final class BundleSchema implements Schema {

        private final Bundle bundle;
        private final ChangelogResources resources;
        private final String changelog;
        private ScheduledFuture<?> next;
        private ServiceRegistration<Schema> registration;
        private boolean withdrawn;

        BundleSchema(Bundle bundle, String entry) {
            this.bundle = bundle;
            this.resources = new ChangelogResources(new BundleEntries(bundle));
            this.changelog = resources.pathOf(entry);
        }

        synchronized void attempt(Duration wait, long delayMillis) {
            if (!withdrawn) {
                next = migrations.schedule(() -> apply(wait), delayMillis, TimeUnit.MILLISECONDS);
            }
        }

        private void apply(Duration wait) {
            try {
                // The core's own schema first: a bundle's tables may refer to the core's.
                store.inTransaction(transaction -> null);
                new SchemaMigrations(dataSource, resources, changelog).ensureApplied();
            } catch (StoreUnavailableException e) {
                LOG.error("The tables of bundle {} ({}) are not ready; trying again in {} s: {}", bundle.getSymbolicName(),
                        changelog, wait.toSeconds(), e.getMessage(), e);
                Duration longer = wait.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait.multipliedBy(2);
                attempt(longer, wait.toMillis());
                return;
            }
            register();
        }

        private synchronized void register() {
            if (withdrawn) {
                return;
            }
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put(Schema.BUNDLE, bundle.getSymbolicName());
            properties.put("dms.schema.version", bundle.getVersion().toString());
            properties.put(Constants.SERVICE_DESCRIPTION, "Tables of " + bundle.getSymbolicName() + ", up to date with " + changelog);
            registration = context.registerService(Schema.class, this, properties);
        }

        synchronized void withdraw() {
            withdrawn = true;
            if (next != null) {
                next.cancel(false);
            }
            if (registration != null) {
                try {
                    registration.unregister();
                } catch (IllegalStateException alreadyGone) {
                    // unregistered with the extender
                }
                registration = null;
            }
        }

        @Override
        public String bundle() {
            return bundle.getSymbolicName();
        }

        @Override
        public String changelog() {
            return changelog;
        }
    }

    /** A bundle's own entries (not its imports'), where its changelog and included files live. */
    private record BundleEntries(Bundle bundle) implements ChangelogSource {

        @Override
        public String name() {
            return bundle.getSymbolicName();
        }

        @Override
        public URL entry(String path) {
            return bundle.getEntry(path);
        }
    }
}
