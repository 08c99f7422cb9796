package org.dmscloud.itests;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The distribution this build made, unpacked and started as an operator starts it ({@code bin/karaf server}
 * with {@code bin/setenv}), on free ports and with the configuration a test gives, and talked to only from
 * outside, over HTTP. For tests that must not run inside it, such as an attacker's.
 */
final class DistributionProcess implements AutoCloseable {

    private final Path home;
    private final int httpPort;
    private final Process karaf;

    private DistributionProcess(Path home, int httpPort, Process karaf) {
        this.home = home;
        this.httpPort = httpPort;
        this.karaf = karaf;
    }

    /**
     * Unpacks the distribution under {@code target/}, writes each configuration file given (PID to properties),
     * starts it with the portal on {@code http} and waits until health answers 200.
     */
    static DistributionProcess start(String name, int http, Map<String, Map<String, String>> configurations) {
        try {
            Path root = Files.createDirectories(Path.of("target", "processes", name + "-" + UUID.randomUUID().toString().substring(0, 8)))
                    .toAbsolutePath();
            run(root, "tar", "-xzf", new File(System.getProperty("dms.distribution")).getAbsolutePath(), "--strip-components=1");
            Map<String, Map<String, String>> all = new LinkedHashMap<>(configurations);
            all.put("org.ops4j.pax.web", Map.of("org.osgi.service.http.port", Integer.toString(http)));
            all.put("org.apache.karaf.shell", Map.of("sshPort", DmsCloudTestSupport.freePort(), "sshHost", "127.0.0.1"));
            all.put("org.apache.karaf.management", Map.of("rmiRegistryPort", DmsCloudTestSupport.freePort(),
                    "rmiServerPort", DmsCloudTestSupport.freePort()));
            for (Map.Entry<String, Map<String, String>> configuration : all.entrySet()) {
                configure(root.resolve("etc").resolve(configuration.getKey() + ".cfg"), configuration.getValue());
            }
            ProcessBuilder builder = new ProcessBuilder(root.resolve("bin/karaf").toString(), "server").directory(root.toFile())
                    .redirectErrorStream(true).redirectOutput(root.resolve("console.log").toFile());
            builder.environment().put("DMS_ADMIN_PASSWORD", UUID.randomUUID().toString());
            builder.environment().put("EXTRA_JAVA_OPTS", "-Xmx512m");
            DistributionProcess distribution = new DistributionProcess(root, http, builder.start());
            distribution.awaitHealthy(Duration.ofSeconds(120));
            return distribution;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    Path home() {
        return home;
    }

    private void awaitHealthy(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpClient client = HttpClient.newHttpClient();
        while (Instant.now().isBefore(deadline)) {
            if (!karaf.isAlive()) {
                throw new IllegalStateException("the distribution stopped on its own; see " + home.resolve("console.log"));
            }
            try {
                HttpResponse<Void> health = client.send(HttpRequest.newBuilder(uri("/api/v1/health")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(500));
        }
        close();
        throw new IllegalStateException("the distribution did not become healthy within " + timeout + "; see " + home.resolve("data/log"));
    }

    /** Sets each property in a configuration file, replacing its line if it has one. */
    private static void configure(Path file, Map<String, String> properties) throws IOException {
        List<String> lines = Files.exists(file) ? new java.util.ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8))
                : new java.util.ArrayList<>();
        for (Map.Entry<String, String> property : properties.entrySet()) {
            String line = property.getKey() + " = " + property.getValue();
            int existing = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).matches("\\s*" + java.util.regex.Pattern.quote(property.getKey()) + "\\s*[=:].*")) {
                    existing = i;
                }
            }
            if (existing >= 0) {
                lines.set(existing, line);
            } else {
                lines.add(line);
            }
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private static void run(Path directory, String... command) throws IOException {
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).inheritIO().start();
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops Karaf and every process it started; the unpacked directory stays for its logs. */
    @Override
    public void close() {
        List<ProcessHandle> all = new java.util.ArrayList<>(karaf.descendants().toList());
        all.add(karaf.toHandle());
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle process : all) {
            try {
                process.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        }
    }
}
