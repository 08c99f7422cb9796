package org.dmscloud.bench.api;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How long a reseller's plugin takes to go on sale when its KAR is dropped into the running platform's
 * {@code deploy/} folder, and off sale when it is taken away: the example plugin the archetype generates
 * ({@code device-reports}), for a tenant created as an operator creates one, on the distribution as operators run it
 * (H2). Each round copies the KAR in and waits until the tenant's catalog prices the option, then deletes it and waits
 * until the option is refused. See bench/README.md, "Hot deployment".
 *
 * <p>System property {@code bench.rounds}: how many deployments (10).
 */
public final class HotDeployBenchmark {

    private static final String ACME_HOST = "portal.acme.example";
    private static final String WITH_REPORTS = "/api/v1/catalog/price?packageId=business&expectedDevices=2000&optionIds=device-reports";
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private HotDeployBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 10);
        Path assembly = Path.of(System.getProperty("bench.assembly", "../assembly/target/assembly")).toAbsolutePath().normalize();
        Path kar = Path.of(System.getProperty("bench.kar",
                "../bundles/sdk/plugin-archetype/target/it/device-reports/device-reports/target/device-reports-1.0.0-SNAPSHOT.kar"))
                .toAbsolutePath().normalize();
        if (!Files.isRegularFile(kar)) {
            throw new IllegalStateException("No example KAR at " + kar + ": run 'mvn install' at the top first (the archetype's test builds it).");
        }
        HttpClient http = HttpClient.newHttpClient();
        List<Long> onSale = new ArrayList<>();
        List<Long> offSale = new ArrayList<>();
        try (Distribution distribution = Distribution.copyOf(assembly)) {
            Duration ready = distribution.start(false);
            System.out.printf(Locale.ROOT, "ready in %.1f s%n", ready.toMillis() / 1000.0);
            createAcme(distribution);
            Path deployed = distribution.home().resolve("deploy/device-reports.kar");
            for (int round = 0; round < rounds; round++) {
                long start = System.nanoTime();
                Files.copy(kar, deployed, StandardCopyOption.REPLACE_EXISTING);
                await(http, distribution, 200);
                onSale.add((System.nanoTime() - start) / 1_000_000);
                start = System.nanoTime();
                Files.delete(deployed);
                await(http, distribution, 400);
                offSale.add((System.nanoTime() - start) / 1_000_000);
                System.out.printf(Locale.ROOT, "round %d: on sale after %d ms, off sale after %d ms%n", round + 1, onSale.get(round), offSale.get(round));
            }
        }
        System.out.println();
        System.out.println("| KAR | rounds | median ms | fastest ms | slowest ms |");
        System.out.println("|---|---|---|---|---|");
        System.out.println(row("copied into deploy/ until on sale", onSale));
        System.out.println(row("deleted from deploy/ until off sale", offSale));
    }

    /** Acme, a reseller allowed the example plugin, created from the shell; its portal answers once the tenant is known. */
    private static void createAcme(Distribution distribution) throws Exception {
        String command = "dms:tenant-create --name \"Acme Networks\" --host " + ACME_HOST + " --brand \"Acme DMS\" --support support@acme.example "
                + "--mail-from noreply@acme.example --portal-url https://" + ACME_HOST + " --currency EUR --plugin org.example.device-reports acme";
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            try {
                distribution.shell(command);
                break;
            } catch (IllegalStateException e) {
                // The shell's SSH server may come up a moment after the portal answers.
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(1000);
            }
        }
        await(HttpClient.newHttpClient(), distribution, "/api/v1/catalog", 200);
    }

    private static void await(HttpClient http, Distribution distribution, int status) throws Exception {
        await(http, distribution, WITH_REPORTS, status);
    }

    /** Asks Acme's portal every 20 ms until it answers this status. */
    private static void await(HttpClient http, Distribution distribution, String path, int status) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(distribution.uri(path)).header("Host", ACME_HOST).timeout(Duration.ofSeconds(10)).build();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            try {
                last = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (last == status) {
                    return;
                }
            } catch (IOException e) {
                last = -1;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(path + " at Acme answered " + last + ", not " + status + ", for " + PATIENCE);
    }

    private static String row(String label, List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        long median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2) : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d |", label, sorted.size(), median, sorted.get(0), sorted.get(sorted.size() - 1));
    }
}
