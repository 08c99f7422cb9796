package org.dmscloud.bench.api;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The portal API on 1, 2 and 3 nodes on one PostgreSQL behind Debian's HAProxy with the shipped configuration
 * ({@code cluster/haproxy.cfg}), all on this machine: what each request costs the nodes and the database, so that
 * the figures say how far one PostgreSQL carries. See bench/README.md.
 *
 * <p>Argument: the node counts ({@code 1,2,3}); system property {@code bench.customers}: how many (200). Seeding,
 * connections, row length and warm-up are the single-node benchmark's ({@link ApiBenchmark}), so that the rows compare.
 */
public final class ClusterBenchmark {

    private static final int FIRST_PORT = 18181;
    private static final int BALANCER_PORT = 18080;

    private record Row(String label, String path, String script) {
    }

    private static final List<Row> ROWS = List.of(
            new Row("floor (does nothing)", "/api/v1/bench/floor", Wrk.READS),
            new Row("`GET /account`", "/api/v1/account", Wrk.READS),
            new Row("`GET /instances`", "/api/v1/instances", Wrk.READS),
            new Row("writes: create + delete", "/", Wrk.CREATE_DELETE));

    private ClusterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = java.util.Arrays.stream((args.length > 0 ? args[0] : "1,2,3").split(",")).map(String::strip).map(Integer::parseInt)
                .toList();
        int customers = Integer.getInteger("bench.customers", 200);
        Path assembly = Path.of(System.getProperty("bench.assembly", "../assembly/target/assembly")).toAbsolutePath().normalize();
        int most = sizes.stream().mapToInt(Integer::intValue).max().orElse(1);
        List<String> report = new ArrayList<>();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("max_connections", "200").start()) {
            String jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
            List<Distribution> nodes = new ArrayList<>();
            try {
                for (int i = 0; i < most; i++) {
                    Distribution node = Distribution.copyOf(assembly);
                    node.usePostgres(jdbcUrl, "postgres", "postgres");
                    node.usePorts(FIRST_PORT + 10 * i);
                    FloorBundle.writeTo(node.home().resolve("deploy/bench-floor.jar"));
                    nodes.add(node);
                }
                // The first start migrates the schema; then the customers go in while no node runs.
                nodes.get(0).start(true);
                nodes.get(0).stop();
                List<Seed.Customer> seeded;
                try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
                    seeded = Seed.customers(connection, customers, ApiBenchmark.INSTANCES_EACH);
                    connection.setAutoCommit(true);
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("VACUUM ANALYZE");
                    }
                }
                Path tokens = Files.write(nodes.get(0).home().resolve("bench-tokens.txt"), seeded.stream().map(Seed.Customer::token).toList());
                Wrk wrk = new Wrk(nodes.get(0).home(), ApiBenchmark.CONNECTIONS, ApiBenchmark.RUN);
                URI balancer = URI.create("http://127.0.0.1:" + BALANCER_PORT);

                report.add("| Nodes | Request | req/s | p99 ms | nodes' JVM cores | PostgreSQL cores | PostgreSQL µs/request | statements/request |");
                report.add("|---|---|---|---|---|---|---|---|");
                try (Connection statistics = postgres.getPostgresDatabase().getConnection()) {
                    DatabaseWork databaseWork = new DatabaseWork(statistics);
                    for (int size : sizes) {
                        List<Distribution> running = nodes.subList(0, size);
                        for (Distribution node : running) {
                            node.start(true);
                        }
                        Process haproxy = haproxy(nodes.get(0).home(), running, BALANCER_PORT);
                        try {
                            warm(wrk, balancer.resolve("/api/v1/instances"), tokens, size);
                            for (Row row : ROWS) {
                                report.add(measure(wrk, balancer, row, tokens, running, databaseWork, size));
                            }
                        } finally {
                            haproxy.destroy();
                            haproxy.waitFor();
                        }
                        for (Distribution node : running) {
                            node.stop();
                        }
                    }
                }
            } finally {
                for (Distribution node : nodes) {
                    node.close();
                }
            }
        }
        System.out.println();
        report.forEach(System.out::println);
    }

    /** HAProxy with the shipped configuration, its frontend on loopback and its servers these nodes. */
    private static Process haproxy(Path home, List<Distribution> nodes, int port) throws IOException, InterruptedException {
        Path shipped = home.resolve("cluster/haproxy.cfg");
        String servers = IntStream.range(0, nodes.size()).mapToObj(i -> "    server node-" + (i + 1) + " 127.0.0.1:" + nodes.get(i).uri("/").getPort())
                .collect(Collectors.joining("\n"));
        String configuration = Files.readString(shipped).replace("bind :8080", "bind 127.0.0.1:" + port)
                .replaceAll("(?m)^    server node-\\d+ .*$\\n?", "") + servers + "\n";
        Path file = Files.writeString(shipped.resolveSibling("haproxy-bench.cfg"), configuration);
        Process haproxy;
        try {
            haproxy = new ProcessBuilder("haproxy", "-db", "-f", file.toString()).redirectErrorStream(true)
                    .redirectOutput(shipped.resolveSibling("haproxy-bench.log").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("HAProxy is not installed: apt-get install haproxy", e);
        }
        Thread.sleep(3_000); // its health checks: two in a row, a second apart, before a node gets requests
        return haproxy;
    }

    /**
     * Warms every node through the balancer until three runs in a row agree (every node's JIT has compiled), then
     * runs the writes once.
     */
    private static void warm(Wrk wrk, URI target, Path tokens, int size) throws Exception {
        long start = System.nanoTime();
        List<Double> rates = new ArrayList<>();
        while ((System.nanoTime() - start < ApiBenchmark.MIN_WARM_UP.toNanos() || !ApiBenchmark.stable(rates))
                && System.nanoTime() - start < ApiBenchmark.MAX_WARM_UP.toNanos()) {
            Wrk.Result run = wrk.run(target, Wrk.READS, List.of(tokens.toString()));
            rates.add(run.requestsPerSecond());
            System.out.printf(Locale.ROOT, "%d node(s) warming: %.0f req/s, %d errors%n", size, run.requestsPerSecond(), run.notSuccessful());
        }
        // The write path has code of its own to compile on every node: one unmeasured run of it first.
        Wrk.Result writes = wrk.run(target.resolve("/"), Wrk.CREATE_DELETE,
                List.of(tokens.toString(), "warm-" + size + "-" + System.currentTimeMillis()));
        System.out.printf(Locale.ROOT, "%d node(s) warming the writes: %.0f req/s, %s%n", size, writes.requestsPerSecond(), writes.statuses());
    }

    private static String measure(Wrk wrk, URI balancer, Row row, Path tokens, List<Distribution> nodes, DatabaseWork databaseWork, int size)
            throws Exception {
        databaseWork.reset();
        Duration jvms = Duration.ZERO;
        for (Distribution node : nodes) {
            jvms = jvms.minus(node.cpuTime());
        }
        Duration postgres = ApiBenchmark.postgresCpu().negated();
        long started = System.nanoTime();
        Wrk.Result result = wrk.run(balancer.resolve(row.path()), row.script(), List.of(tokens.toString(), "cluster-" + size + "-"
                + System.currentTimeMillis()));
        double wall = System.nanoTime() - started;
        for (Distribution node : nodes) {
            jvms = jvms.plus(node.cpuTime());
        }
        postgres = postgres.plus(ApiBenchmark.postgresCpu());
        if (result.notSuccessful() > 0 || result.socketErrors() > 0) {
            throw new IllegalStateException(row.label() + " on " + size + " nodes: " + result.notSuccessful() + " errors " + result.statuses()
                    + ", " + result.socketErrors() + " socket errors");
        }
        DatabaseWork.Work work = databaseWork.read(result.requests());
        return String.format(Locale.ROOT, "| %d | %s | %,.0f | %.1f | %.2f | %.2f | %.0f | %.2f |", size, row.label(), result.requestsPerSecond(),
                result.p99Millis(), jvms.toNanos() / wall, postgres.toNanos() / wall,
                result.requests() == 0 ? 0 : postgres.toNanos() / 1000.0 / result.requests(), work.statements() / (double) result.requests());
    }
}
