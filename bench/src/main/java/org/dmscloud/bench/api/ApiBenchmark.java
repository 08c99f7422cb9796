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
import java.util.Set;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The portal API under load, on the distribution as operators run it, on H2 and on PostgreSQL: N customers
 * with sessions and instances, the JVM warmed until its throughput is stable, then each kind of request for a
 * fixed time, against the floor of a resource that does nothing in the same container. See bench/README.md.
 *
 * <p>Argument: the databases ({@code h2,postgres}); system property {@code bench.customers}: how many (200).
 */
public final class ApiBenchmark {

    static final int INSTANCES_EACH = 5;
    static final int CONNECTIONS = 16;
    private static final int RESTARTS = 3;
    /** How long each row runs; longer ({@code -Dbench.run=SECONDS}) for flight recordings with more samples. */
    static final Duration RUN = Duration.ofSeconds(Long.getLong("bench.run", 10));
    /**
     * C2 keeps compiling for minutes after a start: before this, runs can look stable and still be warming. Shorter
     * ({@code -Dbench.warmup=SECONDS}) only to try the harness out: the figures are then not warm.
     */
    static final Duration MIN_WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmup", 180));
    static final Duration MAX_WARM_UP = Duration.ofMinutes(6);
    /** Warm when three runs in a row are within this of each other. */
    private static final double STABLE = 0.05;

    /** Who sends a kind of request: anyone, the customers (their tokens), or the customers on their instances. */
    private enum Senders {
        ANYONE, CUSTOMERS, INSTANCES
    }

    /**
     * A kind of request: where it goes, the wrk script that sends it and who sends it, and the statuses it may be
     * answered with besides 2xx (any for the unknown path; 409 for a change whose amount moved since its quote).
     */
    private record Kind(String label, String path, String script, Senders senders, Set<Integer> alsoAllowed) {

        boolean signedIn() {
            return senders != Senders.ANYONE;
        }

        boolean allowed(int status) {
            return status / 100 == 2 || alsoAllowed.contains(status) || alsoAllowed.contains(ANY);
        }
    }

    private static final int ANY = 0;

    private static final List<Kind> KINDS = List.of(
            new Kind("static file from the same Jetty (`/docs/index.html`)", "/docs/index.html", Wrk.READS, Senders.ANYONE, Set.of()),
            new Kind("floor: a JAX-RS resource that does nothing, in the portal API", "/api/v1/bench/floor", Wrk.READS, Senders.ANYONE, Set.of()),
            new Kind("an unknown path (404 problem+json)", "/api/v1/no-such-thing", Wrk.READS, Senders.ANYONE, Set.of(ANY)),
            new Kind("`GET /catalog` (no database)", "/api/v1/catalog", Wrk.READS, Senders.ANYONE, Set.of()),
            new Kind("`GET /health`", "/api/v1/health", Wrk.READS, Senders.ANYONE, Set.of()),
            new Kind("`GET /account` (bearer)", "/api/v1/account", Wrk.READS, Senders.CUSTOMERS, Set.of()),
            new Kind("`GET /instances` (bearer, " + INSTANCES_EACH + " instances)", "/api/v1/instances", Wrk.READS, Senders.CUSTOMERS, Set.of()),
            new Kind("`GET /account/ledger` (bearer)", "/api/v1/account/ledger", Wrk.READS, Senders.CUSTOMERS, Set.of()),
            new Kind("writes: `POST /instances` (enabled, charged) then `DELETE` it (credited), each with an Idempotency-Key", "/",
                    Wrk.CREATE_DELETE, Senders.CUSTOMERS, Set.of()),
            new Kind("writes: `POST /quotes` for a settings change, then `PUT /instances/{id}/settings` with that quote", "/",
                    Wrk.CHANGE_SETTINGS, Senders.INSTANCES, Set.of(409)));

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
            List<Seed.Customer> seeded;
            try (Connection connection = postgres != null ? postgres.getPostgresDatabase().getConnection()
                    : DriverManager.getConnection(jdbcUrl, "sa", "")) {
                seeded = Seed.customers(connection, customers, INSTANCES_EACH);
                if (postgres != null) {
                    connection.setAutoCommit(true);
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("VACUUM ANALYZE");
                    }
                }
            }
            Path tokenFile = Files.write(distribution.home().resolve("bench-tokens.txt"), seeded.stream().map(Seed.Customer::token).toList());
            Path instanceFile = Files.write(distribution.home().resolve("bench-instances.txt"), seeded.stream()
                    .flatMap(customer -> customer.instances().stream().map(instance -> customer.token() + " " + instance)).toList());
            FloorBundle.writeTo(distribution.home().resolve("deploy/bench-floor.jar"));
            // Ready after a restart, three times (one start varies by seconds on a 2-core machine): the last start stays up.
            List<Duration> restarts = new ArrayList<>();
            for (int i = 0; i < RESTARTS; i++) {
                if (i > 0) {
                    distribution.stop();
                }
                restarts.add(distribution.start(true));
            }
            Duration restart = restarts.stream().sorted().toList().get(RESTARTS / 2);

            Wrk wrk = new Wrk(distribution.home(), CONNECTIONS, RUN);
            URI instances = distribution.uri("/api/v1/instances");
            long warmStart = System.nanoTime();
            List<Double> rates = new ArrayList<>();
            while ((System.nanoTime() - warmStart < MIN_WARM_UP.toNanos() || !stable(rates))
                    && System.nanoTime() - warmStart < MAX_WARM_UP.toNanos()) {
                Wrk.Result warming = wrk.run(instances, Wrk.READS, List.of(tokenFile.toString()));
                System.out.printf(Locale.ROOT, "warming: %.0f req/s, %d errors, %d socket errors%n", warming.requestsPerSecond(),
                        warming.notSuccessful(), warming.socketErrors());
                rates.add(warming.requestsPerSecond());
            }
            Duration warmUp = Duration.ofNanos(System.nanoTime() - warmStart);
            // The write paths have code of their own to compile: one unmeasured run of each first.
            for (String writes : List.of(Wrk.CREATE_DELETE, Wrk.CHANGE_SETTINGS)) {
                Wrk.Result warming = wrk.run(distribution.uri("/"), writes, List.of((writes.equals(Wrk.CREATE_DELETE) ? tokenFile : instanceFile).toString(),
                        "warm-" + System.currentTimeMillis()));
                System.out.printf(Locale.ROOT, "warming %s: %.0f req/s, %s%n", writes, warming.requestsPerSecond(), warming.statuses());
            }

            List<String> rows = new ArrayList<>();
            rows.add("### " + (postgres != null ? "PostgreSQL" : "H2") + ": " + customers + " customers, " + INSTANCES_EACH
                    + " instances each; wrk 1 thread, " + CONNECTIONS + " connections, " + RUN.toSeconds() + " s per row");
            rows.add("");
            rows.add(String.format(Locale.ROOT, "Ready: %.1f s on the first start, %.1f s after a restart (median of %s s). Warm after %d s "
                    + "(%s req/s on `/instances` run by run).", seconds(firstStart), seconds(restart),
                    restarts.stream().map(each -> String.format(Locale.ROOT, "%.1f", seconds(each))).toList(), warmUp.toSeconds(),
                    rates.stream().map(rate -> String.format(Locale.ROOT, "%.0f", rate)).toList()));
            rows.add("");
            Connection statistics = postgres != null ? postgres.getPostgresDatabase().getConnection() : null;
            DatabaseWork databaseWork = statistics != null ? new DatabaseWork(statistics) : null;
            rows.add("| Request | req/s | p50 ms | p99 ms | x floor | JVM cores |" + (databaseWork != null
                    ? " PostgreSQL cores | statements/request | transactions/request |" : ""));
            rows.add("|---|---|---|---|---|---|" + (databaseWork != null ? "---|---|---|" : ""));
            List<String> busiest = new ArrayList<>();
            List<String> refusals = new ArrayList<>();
            double floor = Double.NaN;
            Duration cpuBefore = distribution.cpuTime();
            long wallBefore = System.nanoTime();
            long peakResident = 0;
            for (Kind kind : KINDS) {
                Optional<Path> recording = recordFlight(distribution, database, kind);
                if (databaseWork != null) {
                    databaseWork.reset();
                }
                String runId = Long.toString(System.currentTimeMillis(), 36);
                List<String> arguments = switch (kind.senders()) {
                case ANYONE -> List.of();
                case CUSTOMERS -> List.of(tokenFile.toString(), runId);
                case INSTANCES -> List.of(instanceFile.toString(), runId);
                };
                Duration jvmBefore = distribution.cpuTime();
                Duration postgresBefore = postgresCpu();
                long rowStart = System.nanoTime();
                Wrk.Result result = wrk.run(distribution.uri(kind.path()), kind.script(), arguments);
                double rowNanos = System.nanoTime() - rowStart;
                String cores = String.format(Locale.ROOT, " %.2f |", distribution.cpuTime().minus(jvmBefore).toNanos() / rowNanos);
                if (databaseWork != null) {
                    cores += String.format(Locale.ROOT, " %.2f |", postgresCpu().minus(postgresBefore).toNanos() / rowNanos);
                }
                // The read script does not count statuses: any answer but 2xx fails its row, unless the row allows any.
                boolean refused = result.statuses().isEmpty() ? result.notSuccessful() > 0 && !kind.alsoAllowed().contains(ANY)
                        : result.statuses().keySet().stream().anyMatch(status -> !kind.allowed(status));
                if (refused || result.socketErrors() > 0) {
                    throw new IllegalStateException(kind.label() + " answered " + result.notSuccessful() + " times with an error "
                            + result.statuses() + " and had " + result.socketErrors() + " socket errors: the figures would not be of the request measured");
                }
                result.statuses().forEach((status, count) -> {
                    if (status / 100 != 2) {
                        refusals.add(String.format(Locale.ROOT, "%s: %,d of %,d answered %d.", kind.label(), count, result.requests(), status));
                    }
                });
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
                        result.p99Millis(), Double.isNaN(floor) ? "" : String.format(Locale.ROOT, "%.2f", result.requestsPerSecond() / floor)) + cores
                        + work);
            }
            double cpuCores = (distribution.cpuTime().minus(cpuBefore).toNanos()) / (double) (System.nanoTime() - wallBefore);
            rows.add("");
            rows.add(String.format(Locale.ROOT, "JVM under load: RSS %d MB at most, CPU %.2f cores on average (of %d).", peakResident, cpuCores,
                    Runtime.getRuntime().availableProcessors()));
            rows.add("");
            rows.addAll(refusals);
            if (!refusals.isEmpty()) {
                rows.add("");
            }
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
     * With {@code -Dbench.jfr=true}, a flight recording of the JVM during the row, kept in {@code bench/target/jfr/},
     * to find where the time goes: JFR's profiling settings, but Java code sampled every millisecond, not every 10 ms
     * (a 10 s row of 16 connections gave only about 300 samples).
     */
    private static Optional<Path> recordFlight(Distribution distribution, String database, Kind kind) throws Exception {
        if (!Boolean.getBoolean("bench.jfr")) {
            return Optional.empty();
        }
        Path folder = Files.createDirectories(Path.of("target/jfr").toAbsolutePath());
        Path file = folder.resolve(database + (kind.path() + kind.script()).replaceAll("[^a-z]+", "-") + ".jfr");
        Path settings = folder.resolve("sampled-every-ms.jfc");
        if (!Files.exists(settings)) {
            String profile = Files.readString(Path.of(System.getProperty("java.home"), "lib", "jfr", "profile.jfc"));
            Files.writeString(settings, profile.replace("control=\"method-sampling-java-interval\">10 ms<", "control=\"method-sampling-java-interval\">1 ms<"));
        }
        Process jcmd = new ProcessBuilder("jcmd", String.valueOf(distribution.jvm().pid()), "JFR.start", "settings=" + settings,
                "duration=" + RUN.toSeconds() + "s", "filename=" + file).redirectErrorStream(true).start();
        String answer = new String(jcmd.getInputStream().readAllBytes());
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException("jcmd could not start a recording: " + answer);
        }
        return Optional.of(file);
    }

    /**
     * The CPU time of every PostgreSQL process on the machine (the bench's own server; the pool keeps its backends
     * open, so none of them exits during a row and takes its time with it).
     */
    static Duration postgresCpu() {
        return ProcessHandle.allProcesses().filter(process -> process.info().command().map(command -> command.endsWith("/postgres")).orElse(false))
                .map(process -> process.info().totalCpuDuration().orElse(Duration.ZERO)).reduce(Duration.ZERO, Duration::plus);
    }

    /** Three runs in a row within {@link #STABLE} of their mean. */
    static boolean stable(List<Double> rates) {
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
