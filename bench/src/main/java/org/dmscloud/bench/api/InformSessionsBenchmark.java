package org.dmscloud.bench.api;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dmscloud.acs.simulator.CpeSimulator;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * CWMP sessions per second on one node on PostgreSQL, as CPE devices make them: the distribution started on an
 * embedded PostgreSQL (with {@code pg_stat_statements}), one instance for {@code bench.devices} devices (10,000), each
 * device first informing once (BOOTSTRAP, which adds it), then the devices informing in turn (PERIODIC) from
 * {@code bench.workers} connections at once, each session as a router makes it: the Inform, Digest's challenge, the
 * Inform again with the answer, then the empty POST that ends the session. Reports sessions per second, the median and
 * 99th percentile of a whole session, the node's and PostgreSQL's CPU per session, and the database's statements and
 * transactions per session with the busiest statements. See bench/README.md, "ACS sessions".
 */
public final class InformSessionsBenchmark {

    private static final Pattern JSON_FIELD = Pattern.compile("\"(\\w+)\":\"([^\"]*)\"");

    private InformSessionsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int devices = Integer.getInteger("bench.devices", 10_000);
        int[] workers = Arrays.stream(System.getProperty("bench.acsWorkers", "1,16,64").split(",")).mapToInt(Integer::parseInt).toArray();
        Duration run = Duration.ofSeconds(Long.getLong("bench.run", 20));
        Duration warmUp = Duration.ofSeconds(Long.getLong("bench.warmup", 60));
        Path assembly = Path.of(System.getProperty("bench.assembly", "../assembly/target/assembly")).toAbsolutePath().normalize();
        List<String> report = new ArrayList<>();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("shared_preload_libraries", "pg_stat_statements").start();
                Distribution distribution = Distribution.copyOf(assembly)) {
            distribution.usePostgres(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
            distribution.start(false);
            distribution.stop();
            Seed.Customer customer;
            try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
                customer = Seed.customers(connection, 1, 1).get(0);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("UPDATE instance SET package_id = 'business', expected_devices = " + devices);
                }
                connection.commit();
            }
            distribution.start(false);
            String instance = customer.instances().get(0);
            HttpResponse<String> issued = HttpClient.newHttpClient().send(HttpRequest.newBuilder(distribution.uri("/api/v1/instances/" + instance
                    + "/acs/credentials")).header("Authorization", "Bearer " + customer.token()).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (issued.statusCode() != 200) {
                throw new IllegalStateException("credentials: " + issued.statusCode() + " " + issued.body());
            }
            String username = field(issued.body(), "username");
            String password = field(issued.body(), "password");
            URI endpoint = distribution.uri("/cwmp/" + instance);
            Fleet fleet = new Fleet(endpoint, username, password, devices);

            long bootstrapStart = System.nanoTime();
            Result bootstrap = fleet.run(64, Duration.ofHours(1), devices, "0 BOOTSTRAP");
            System.out.printf(Locale.ROOT, "%d devices added in %.1f s (%.0f sessions/s), %d not admitted%n", devices,
                    (System.nanoTime() - bootstrapStart) / 1e9, bootstrap.perSecond(), bootstrap.refused());
            Result warming = fleet.run(16, warmUp, Integer.MAX_VALUE, "2 PERIODIC");
            System.out.printf(Locale.ROOT, "warmed for %d s: %.0f sessions/s%n", warmUp.toSeconds(), warming.perSecond());

            DatabaseWork databaseWork = new DatabaseWork(postgres.getPostgresDatabase().getConnection());
            report.add("| Devices informing at once | sessions/s | session median | p99 | node CPU per session | PostgreSQL CPU per session "
                    + "| statements per session | transactions per session | not admitted |");
            report.add("|---|---|---|---|---|---|---|---|---|");
            List<String> busiest = List.of();
            for (int at : workers) {
                databaseWork.reset();
                Duration nodeBefore = distribution.cpuTime();
                Duration postgresBefore = ApiBenchmark.postgresCpu();
                Result result = fleet.run(at, run, Integer.MAX_VALUE, "2 PERIODIC");
                double nodeCpu = distribution.cpuTime().minus(nodeBefore).toNanos() / 1e6 / result.sessions();
                double postgresCpu = ApiBenchmark.postgresCpu().minus(postgresBefore).toNanos() / 1e6 / result.sessions();
                DatabaseWork.Work work = databaseWork.read(result.sessions());
                busiest = work.busiest();
                String row = String.format(Locale.ROOT, "| %d | %.0f | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.1f | %.1f | %d |", at, result.perSecond(),
                        result.percentile(50), result.percentile(99), nodeCpu, postgresCpu, work.statements() / (double) result.sessions(),
                        work.transactions() / (double) result.sessions(), result.refused());
                System.out.println(row);
                report.add(row);
            }
            report.add("");
            report.add("Busiest statements (last row):");
            busiest.forEach(statement -> report.add("- " + statement));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "## ACS sessions: %d devices, one node, PostgreSQL, %d cores%n%n", devices, Runtime.getRuntime().availableProcessors());
        report.forEach(System.out::println);
    }

    private static String field(String json, String name) {
        Matcher field = JSON_FIELD.matcher(json);
        while (field.find()) {
            if (field.group(1).equals(name)) {
                return field.group(2);
            }
        }
        throw new IllegalStateException("no " + name + " in " + json);
    }

    /** A row's sessions: how many, over how long, each one's time, and how many were not admitted. */
    record Result(long sessions, double seconds, long[] nanos, long refused) {

        double perSecond() {
            return sessions / seconds;
        }

        double percentile(int percent) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * percent / 100.0) - 1)] / 1e6;
        }
    }

    /** The devices, taking turns: each worker is one connection, and runs one device's session after another. */
    private static final class Fleet {

        private final URI endpoint;
        private final String username;
        private final String password;
        private final int devices;
        private final AtomicInteger next = new AtomicInteger();

        Fleet(URI endpoint, String username, String password, int devices) {
            this.endpoint = endpoint;
            this.username = username;
            this.password = password;
            this.devices = devices;
        }

        Result run(int workers, Duration duration, int sessions, String event) throws Exception {
            ExecutorService threads = Executors.newFixedThreadPool(workers);
            AtomicLong done = new AtomicLong();
            AtomicLong refused = new AtomicLong();
            long[][] times = new long[workers][];
            long start = System.nanoTime();
            long deadline = start + duration.toNanos();
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int worker = w;
                running.add(threads.submit(() -> {
                    CookieManager cookies = new CookieManager();
                    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                            .connectTimeout(Duration.ofSeconds(10)).build();
                    long[] mine = new long[1024];
                    int count = 0;
                    while (System.nanoTime() < deadline && done.get() < sessions) {
                        int device = Math.floorMod(next.getAndIncrement(), devices);
                        // A router's cookies are its own: another device's session is not this one's.
                        cookies.getCookieStore().removeAll();
                        CpeSimulator cpe = new CpeSimulator(http, endpoint, username, password, "urn:dslforum-org:cwmp-1-2", "00D09E", "HG8245",
                                String.format(Locale.ROOT, "BENCH%06d", device));
                        long began = System.nanoTime();
                        try {
                            if (!cpe.session(event).admitted()) {
                                refused.incrementAndGet();
                            }
                        } catch (IOException e) {
                            refused.incrementAndGet();
                        }
                        if (count == mine.length) {
                            mine = Arrays.copyOf(mine, count * 2);
                        }
                        mine[count++] = System.nanoTime() - began;
                        done.incrementAndGet();
                    }
                    times[worker] = Arrays.copyOf(mine, count);
                    return null;
                }));
            }
            for (Future<?> worker : running) {
                worker.get();
            }
            threads.shutdown();
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] all = Arrays.stream(times).flatMapToLong(Arrays::stream).toArray();
            return new Result(all.length, seconds, all, refused.get());
        }
    }
}
