package org.dmscloud.persistence.internal;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.dmscloud.api.job.Backoff;
import org.dmscloud.persistence.Schema;
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
 * The extender that gives bundles their tables, the platform's own bundles and plugins alike: every bundle that
 * names a Liquibase changelog in its {@value Schema#HEADER} header has it applied to the platform database when it
 * starts, once the changelogs of the bundles it names in {@value Schema#REQUIRES} are (its tables refer to theirs),
 * one bundle at a time on this node and under Liquibase's database lock across nodes; then a {@link Schema} service
 * says its tables are there. When the database cannot be reached or a changelog fails, it tries again later, waiting
 * longer each time, and says so in the log with the bundle named. A bundle updated in place starts again, and its
 * new changesets are applied then.
 */
@Component(immediate = true)
public class BundleChangelogs {

    private static final Logger LOG = LoggerFactory.getLogger(BundleChangelogs.class);
    private static final Backoff RETRIES = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(5));

    private final BundleContext context;
    private final DataSource dataSource;
    private final ScheduledExecutorService migrations = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "dms-schema-migrations");
        thread.setDaemon(true);
        return thread;
    });
    /** Every tracked bundle's schema, pending or applied; guarded by this. */
    private final List<BundleSchema> schemas = new ArrayList<>();
    private final BundleTracker<BundleSchema> tracker;

    @Activate
    public BundleChangelogs(BundleContext context, @Reference(target = DataSourceNames.DATA_SOURCE_FILTER) DataSource dataSource) {
        this.context = context;
        this.dataSource = dataSource;
        this.tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, new Customizer());
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
        migrations.shutdownNow();
    }

    /** Starts every pending schema whose required schemas are all applied on this node. */
    private synchronized void startReady() {
        Set<String> applied = new HashSet<>();
        schemas.stream().filter(BundleSchema::isApplied).forEach(schema -> applied.add(schema.bundle()));
        for (BundleSchema schema : schemas) {
            if (schema.isWaiting()) {
                Set<String> missing = new HashSet<>(schema.requires);
                missing.removeAll(applied);
                if (missing.isEmpty()) {
                    schema.attempt(Duration.ZERO);
                } else {
                    schema.waitFor(missing);
                }
            }
        }
    }

    private final class Customizer implements BundleTrackerCustomizer<BundleSchema> {

        @Override
        public BundleSchema addingBundle(Bundle bundle, BundleEvent event) {
            String changelog = bundle.getHeaders("").get(Schema.HEADER);
            if (changelog == null || changelog.isBlank()) {
                return null;
            }
            BundleSchema schema = new BundleSchema(bundle, changelog.trim(), Schema.requiredBundles(bundle.getHeaders("").get(Schema.REQUIRES)));
            synchronized (BundleChangelogs.this) {
                schemas.add(schema);
            }
            startReady();
            return schema;
        }

        @Override
        public void modifiedBundle(Bundle bundle, BundleEvent event, BundleSchema schema) {
            // STARTING to ACTIVE: nothing changes for the tables
        }

        @Override
        public void removedBundle(Bundle bundle, BundleEvent event, BundleSchema schema) {
            synchronized (BundleChangelogs.this) {
                schemas.remove(schema);
            }
            // The tables stay, and so do the schemas that refer to them: nothing is dropped by taking code away.
            schema.withdraw();
        }
    }

    /** One bundle's changelog: waiting for the schemas it requires, being applied, applied (its Schema service registered) or withdrawn. */
    private final class BundleSchema implements Schema {

        private final Bundle bundle;
        private final ChangelogResources resources;
        private final String changelog;
        private final Set<String> requires;
        private boolean started;
        private Set<String> waitingFor = Set.of();
        private ScheduledFuture<?> next;
        private ServiceRegistration<Schema> registration;
        private boolean withdrawn;
        private int failures;

        BundleSchema(Bundle bundle, String entry, Set<String> requires) {
            this.bundle = bundle;
            this.resources = new ChangelogResources(new BundleEntries(bundle));
            this.changelog = resources.pathOf(entry);
            this.requires = Set.copyOf(requires);
        }

        synchronized boolean isWaiting() {
            return !started && !withdrawn;
        }

        synchronized boolean isApplied() {
            return registration != null;
        }

        /** Says once which required bundles' tables are missing, so that an operator sees why these tables do not come. */
        synchronized void waitFor(Set<String> missing) {
            if (!missing.equals(waitingFor)) {
                waitingFor = Set.copyOf(missing);
                LOG.info("The tables of bundle {} wait for the tables of {}, which they refer to", bundle.getSymbolicName(), missing);
            }
        }

        synchronized void attempt(Duration wait) {
            if (!withdrawn) {
                started = true;
                next = migrations.schedule(this::apply, wait.toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        private void apply() {
            try {
                new SchemaMigrations(dataSource, resources, changelog).ensureApplied();
            } catch (Throwable e) { // whatever a bundle's changelog does, the extender goes on and tries again
                Duration wait;
                synchronized (this) {
                    wait = RETRIES.after(++failures);
                }
                LOG.error("The tables of bundle {} ({}) are not ready; trying again in {} s: {}", bundle.getSymbolicName(),
                        changelog, wait.toSeconds(), e.getMessage(), e);
                attempt(wait);
                return;
            }
            register();
            startReady();
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
