package org.dmscloud.bench.api;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The portal API under load, on the distribution as operators run it, on H2 and on PostgreSQL: N customers
 * with sessions and instances, the JVM warmed until its throughput is stable, then each kind of request for a
 * fixed time, against the floor of a resource that does nothing in the same container. See bench/README.md.
 *
 * <p>Argument: the databases ({@code h2,postgres}); system property {@code bench.customers}: how many (200).
 */
public final class ApiBenchmark {

    private static final int INSTANCES_EACH = 5;
    private static final int CONNECTIONS = 16;
    private static final Duration RUN = Duration.ofSeconds(10);
    /** C2 keeps compiling for minutes after a start: before this, runs can look stable and still be warming. */
    private static final Duration MIN_WARM_UP = Duration.ofMinutes(3);
    private static final Duration MAX_WARM_UP = Duration.ofMinutes(6);
    /** Warm when three runs in a row are within this of each other. */
    private static final double STABLE = 0.05;

    /** A kind of request: where it goes and whether it is a signed-in customer's. */
    private record Kind(String label, String path, boolean signedIn, boolean mustSucceed) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("static file from the same Jetty (`/docs/index.html`)", "/docs/index.html", false, true),
            new Kind("floor: a JAX-RS resource that does nothing, in the portal API", "/api/v1/bench/floor", false, true),
            new Kind("an unknown path (404 problem+json)", "/api/v1/no-such-thing", false, false),
            new Kind("`GET /catalog` (no database)", "/api/v1/catalog", false, true),
            new Kind("`GET /health`", "/api/v1/health", false, true),
            new Kind("`GET /account` (bearer)", "/api/v1/account", true, true),
            new Kind("`GET /instances` (bearer, " + INSTANCES_EACH + " instances)", "/api/v1/instances", true, true),
            new Kind("`GET /account/ledger` (bearer)", "/api/v1/account/ledger", true, true));

    private ApiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> databases = List.of((args.length > 0 ? args[0] : "h2,postgres").split(","));
        int customers = Integer.getInteger("bench.customers", 200);
        Path assembly = Path.of(System.getProperty("bench.assembly", "../assembly/target/assembly")).toAbsolutePath().normalize();
        List<String> report = new ArrayList<>();
        for (String database : databases) {
            report.addAll(measure(assembly, database.strip(), customers));
        }
        System.out.println();
        report.forEach(System.out::println);
    }

    private static List<String> measure(Path assembly, String database, int customers) throws Exception {
        EmbeddedPostgres postgres = database.equals("postgres")
                ? EmbeddedPostgres.builder().setServerConfig("shared_preload_libraries", "pg_stat_statements").start()
                : null;
        try (Distribution distribution = Distribution.copyOf(assembly)) {
            String jdbcUrl = distribution.h2Url();
            if (postgres != null) {
                jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
                distribution.usePostgres(jdbcUrl, "postgres", "postgres");
            } else if (!database.equals("h2")) {
                throw new IllegalArgumentException("a database is h2 or postgres, not " + database);
            }
            Duration firstStart = distribution.start(false);
            distribution.stop();
            List<String> tokens;
            try (Connection connection = postgres != null ? postgres.getPostgresDatabase().getConnection()
                    : DriverManager.getConnection(jdbcUrl, "sa", "")) {
                tokens = Seed.customers(connection, customers, INSTANCES_EACH);
                if (postgres != null) {
                    connection.setAutoCommit(true);
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("VACUUM ANALYZE");
                    }
                }
            }
            Path tokenFile = Files.write(distribution.home().resolve("bench-tokens.txt"), tokens);
            FloorBundle.writeTo(distribution.home().resolve("deploy/bench-floor.jar"));
            Duration restart = distribution.start(true);

            Wrk wrk = new Wrk(distribution.home(), CONNECTIONS, RUN);
            URI instances = Distribution.BASE.resolve("/api/v1/instances");
            long warmStart = System.nanoTime();
            List<Double> rates = new ArrayList<>();
            while ((System.nanoTime() - warmStart < MIN_WARM_UP.toNanos() || !stable(rates))
                    && System.nanoTime() - warmStart < MAX_WARM_UP.toNanos()) {
                Wrk.Result warming = wrk.run(instances, Optional.of(tokenFile));
                System.out.printf(Locale.ROOT, "warming: %.0f req/s, %d errors, %d socket errors%n", warming.requestsPerSecond(),
                        warming.notSuccessful(), warming.socketErrors());
                rates.add(warming.requestsPerSecond());
            }
            Duration warmUp = Duration.ofNanos(System.nanoTime() - warmStart);

            List<String> rows = new ArrayList<>();
            rows.add("### " + (postgres != null ? "PostgreSQL" : "H2") + ": " + customers + " customers, " + INSTANCES_EACH
                    + " instances each; wrk 1 thread, " + CONNECTIONS + " connections, " + RUN.toSeconds() + " s per row");
            rows.add("");
            rows.add(String.format(Locale.ROOT, "Ready: %.1f s on the first start, %.1f s after a restart. Warm after %d s (%s req/s on "
                    + "`/instances` run by run).", seconds(firstStart), seconds(restart), warmUp.toSeconds(),
                    rates.stream().map(rate -> String.format(Locale.ROOT, "%.0f", rate)).toList()));
            rows.add("");
            Connection statistics = postgres != null ? postgres.getPostgresDatabase().getConnection() : null;
            DatabaseWork databaseWork = statistics != null ? new DatabaseWork(statistics) : null;
            rows.add("| Request | req/s | p50 ms | p99 ms | x floor |" + (databaseWork != null ? " statements/request | transactions/request |" : ""));
            rows.add("|---|---|---|---|---|" + (databaseWork != null ? "---|---|" : ""));
            List<String> busiest = new ArrayList<>();
            double floor = Double.NaN;
            Duration cpuBefore = distribution.cpuTime();
            long wallBefore = System.nanoTime();
            long peakResident = 0;
            for (Kind kind : KINDS) {
                Optional<Path> recording = recordFlight(distribution, database, kind);
                if (databaseWork != null) {
                    databaseWork.reset();
                }
                Wrk.Result result = wrk.run(Distribution.BASE.resolve(kind.path()), kind.signedIn() ? Optional.of(tokenFile) : Optional.empty());
                if (kind.mustSucceed() && (result.notSuccessful() > 0 || result.socketErrors() > 0)) {
                    throw new IllegalStateException(kind.path() + " answered " + result.notSuccessful() + " times with an error and had "
                            + result.socketErrors() + " socket errors: the figures would not be of the request measured");
                }
                recording.ifPresent(file -> System.out.println("recorded " + file));
                if (kind.path().endsWith("/bench/floor")) {
                    floor = result.requestsPerSecond();
                }
                peakResident = Math.max(peakResident, distribution.residentMegabytes());
                String work = "";
                if (databaseWork != null) {
                    DatabaseWork.Work done = databaseWork.read(result.requests());
                    work = String.format(Locale.ROOT, " %.2f | %.2f |", done.statements() / (double) result.requests(),
                            done.transactions() / (double) result.requests());
                    if (kind.signedIn()) {
                        busiest.add(kind.label() + ":");
                        done.busiest().forEach(line -> busiest.add("- " + line));
                    }
                }
                rows.add(String.format(Locale.ROOT, "| %s | %,.0f | %.1f | %.1f | %s |", kind.label(), result.requestsPerSecond(), result.p50Millis(),
                        result.p99Millis(), Double.isNaN(floor) ? "" : String.format(Locale.ROOT, "%.2f", result.requestsPerSecond() / floor)) + work);
            }
            double cpuCores = (distribution.cpuTime().minus(cpuBefore).toNanos()) / (double) (System.nanoTime() - wallBefore);
            rows.add("");
            rows.add(String.format(Locale.ROOT, "JVM under load: RSS %d MB at most, CPU %.2f cores on average (of %d).", peakResident, cpuCores,
                    Runtime.getRuntime().availableProcessors()));
            rows.add("");
            if (!busiest.isEmpty()) {
                rows.add("The statements PostgreSQL ran most, per request:");
                rows.addAll(busiest);
                rows.add("");
            }
            if (statistics != null) {
                statistics.close();
            }
            return rows;
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    /**
     * With {@code -Dbench.jfr=true}, a flight recording of the JVM during the row (JFR's profiling settings), kept
     * in {@code bench/target/jfr/}, to find where the time goes.
     */
    private static Optional<Path> recordFlight(Distribution distribution, String database, Kind kind) throws Exception {
        if (!Boolean.getBoolean("bench.jfr")) {
            return Optional.empty();
        }
        Path folder = Files.createDirectories(Path.of("target/jfr").toAbsolutePath());
        Path file = folder.resolve(database + kind.path().replaceAll("[^a-z]+", "-") + ".jfr");
        Process jcmd = new ProcessBuilder("jcmd", String.valueOf(distribution.jvm().pid()), "JFR.start", "settings=profile",
                "duration=" + RUN.toSeconds() + "s", "filename=" + file).redirectErrorStream(true).start();
        String answer = new String(jcmd.getInputStream().readAllBytes());
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException("jcmd could not start a recording: " + answer);
        }
        return Optional.of(file);
    }

    /** Three runs in a row within {@link #STABLE} of their mean. */
    private static boolean stable(List<Double> rates) {
        if (rates.size() < 3) {
            return false;
        }
        List<Double> last = rates.subList(rates.size() - 3, rates.size());
        double mean = last.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return last.stream().allMatch(rate -> Math.abs(rate - mean) <= STABLE * mean);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
