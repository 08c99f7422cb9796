package org.dmscloud.bench.api;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * How fast the web portal's pages answer, on the distribution as operators run it (H2): customers seeded with
 * sessions and instances, the JVM warmed, then each page asked by one browser at a time (the latency a person sees:
 * median and 99th percentile) and by {@value ApiBenchmark#CONNECTIONS} at once. Signed-in pages carry the session
 * cookie, forms their token. See bench/README.md, "Web portal pages".
 *
 * <p>System properties: {@code bench.customers} (200), {@code bench.run} (seconds a row, 10), {@code bench.warmup}
 * (seconds, 180).
 */
public final class WebPagesBenchmark {

    /** A page: its label, and the request line of a customer ({@code <token> <path> [form body]}). */
    private record Page(String label, Function<Seed.Customer, String> line) {
    }

    private static final List<Page> PAGES = List.of(
            new Page("landing page (visitor)", customer -> "- /"),
            new Page("landing page with the calculator's daily rate", customer -> "- /?package=business&devices=2000&option=usp"),
            new Page("registration form", customer -> "- /register"),
            new Page("sign-in form", customer -> "- /sign-in"),
            new Page("account: balance, coverage, top-up form, ledger", customer -> customer.token() + " /account"),
            new Page("instances (" + ApiBenchmark.INSTANCES_EACH + ")", customer -> customer.token() + " /instances"),
            new Page("an instance", customer -> customer.token() + " /instances/" + customer.instances().get(0)),
            new Page("new instance form", customer -> customer.token() + " /instances/new"),
            new Page("settings form", customer -> customer.token() + " /instances/" + customer.instances().get(0) + "/settings"),
            new Page("a new instance's quote (POST)", customer -> customer.token()
                    + " /instances/new name=Bench&package=business&devices=1000&option=usp&step=quote"),
            new Page("disable's confirmation (POST)", customer -> customer.token() + " /instances/" + customer.instances().get(0) + "/disable _=1"));

    private WebPagesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int customers = Integer.getInteger("bench.customers", 200);
        Path assembly = Path.of(System.getProperty("bench.assembly", "../assembly/target/assembly")).toAbsolutePath().normalize();
        List<String> report = new ArrayList<>();
        try (Distribution distribution = Distribution.copyOf(assembly)) {
            distribution.start(false);
            distribution.stop();
            List<Seed.Customer> seeded;
            try (Connection connection = DriverManager.getConnection(distribution.h2Url(), "sa", "")) {
                seeded = Seed.customers(connection, customers, ApiBenchmark.INSTANCES_EACH);
            }
            distribution.start(false);
            List<Path> files = new ArrayList<>();
            for (int i = 0; i < PAGES.size(); i++) {
                Page page = PAGES.get(i);
                files.add(Files.write(distribution.home().resolve("bench-page-" + i + ".txt"), seeded.stream().map(page.line()).toList()));
                answersOk(distribution, page.line().apply(seeded.get(0)), page.label());
            }
            Wrk warming = new Wrk(distribution.home(), ApiBenchmark.CONNECTIONS, Duration.ofSeconds(10));
            long warmStart = System.nanoTime();
            for (int round = 0; System.nanoTime() - warmStart < ApiBenchmark.MIN_WARM_UP.toNanos(); round++) {
                Wrk.Result result = warming.run(distribution.uri("/"), Wrk.PAGES, List.of(files.get(round % files.size()).toString()));
                System.out.printf(Locale.ROOT, "warming with %s: %.0f pages/s%n", PAGES.get(round % files.size()).label(), result.requestsPerSecond());
            }
            Wrk one = new Wrk(distribution.home(), 1, ApiBenchmark.RUN);
            Wrk many = new Wrk(distribution.home(), ApiBenchmark.CONNECTIONS, ApiBenchmark.RUN);
            report.add("| Page | one browser: median | p99 | pages/s | " + ApiBenchmark.CONNECTIONS + " at once: median | p99 | pages/s | not 200 |");
            report.add("|---|---|---|---|---|---|---|---|");
            for (int i = 0; i < PAGES.size(); i++) {
                Wrk.Result single = one.run(distribution.uri("/"), Wrk.PAGES, List.of(files.get(i).toString()));
                Wrk.Result loaded = many.run(distribution.uri("/"), Wrk.PAGES, List.of(files.get(i).toString()));
                String row = String.format(Locale.ROOT, "| %s | %.2f ms | %.2f ms | %.0f | %.2f ms | %.2f ms | %.0f | %d |", PAGES.get(i).label(),
                        single.p50Millis(), single.p99Millis(), single.requestsPerSecond(), loaded.p50Millis(), loaded.p99Millis(),
                        loaded.requestsPerSecond(), single.requests() - single.answered(200) + loaded.requests() - loaded.answered(200));
                System.out.println(row);
                report.add(row);
            }
        }
        System.out.println();
        report.forEach(System.out::println);
    }

    /** The page answers 200 to this request line, as the measured ones must (not a sign-in redirect or an error page). */
    private static void answersOk(Distribution distribution, String line, String label) throws Exception {
        String[] parts = line.split(" ", 3);
        String form = "benchFormTokenbenchFormTokenbenchFormToken1";
        HttpRequest.Builder request = HttpRequest.newBuilder(distribution.uri(parts[1]))
                .header("Cookie", "dms-form=" + form + (parts[0].equals("-") ? "" : "; dms-session=" + parts[0]));
        if (parts.length == 3) {
            request.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(parts[2] + "&csrf=" + form));
        }
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(label + " answered " + answer.statusCode() + ": " + answer.body());
        }
    }
}
