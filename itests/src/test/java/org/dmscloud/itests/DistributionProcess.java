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

    /** The PIDs whose files the platform's features ship, by the classifier they ship under (features/pom.xml). */
    private static final Map<String, String> SHIPPED = Map.of("org.ops4j.datasource-dmscloud", "datasource", "org.dmscloud.portal", "portal",
            "org.dmscloud.mail", "mail", "org.dmscloud.billing.run", "billing-run", "org.dmscloud.customers", "customers",
            "org.dmscloud.contact", "contact", "org.dmscloud.payment.stripe", "payment-stripe", "org.dmscloud.payment.banktransfer",
            "payment-bank-transfer", "org.dmscloud.clock", "clock");

    private final Path home;
    private final int httpPort;
    private final String sshPort;
    private final String adminPassword;
    private Process karaf;

    private DistributionProcess(Path home, int httpPort, String sshPort, String adminPassword) throws IOException {
        this.home = home;
        this.httpPort = httpPort;
        this.sshPort = sshPort;
        this.adminPassword = adminPassword;
        this.karaf = launch();
    }

    /**
     * Unpacks the distribution under {@code target/}, writes each configuration file given (PID to properties),
     * starts it with the portal on {@code http} and waits until health answers 200.
     */
    static DistributionProcess start(String name, int http, Map<String, Map<String, String>> configurations) {
        DistributionProcess distribution = launch(name, http, configurations);
        distribution.awaitHealthy(Duration.ofSeconds(120));
        return distribution;
    }

    /** As {@link #start}, without waiting for health: for several distributions started at once, as an operator may. */
    static DistributionProcess launch(String name, int http, Map<String, Map<String, String>> configurations) {
        try {
            Path root = Files.createDirectories(Path.of("target", "processes", name + "-" + UUID.randomUUID().toString().substring(0, 8)))
                    .toAbsolutePath();
            run(root, "tar", "-xzf", new File(System.getProperty("dms.distribution")).getAbsolutePath(), "--strip-components=1");
            Map<String, Map<String, String>> all = new LinkedHashMap<>(configurations);
            all.put("org.ops4j.pax.web", Map.of("org.osgi.service.http.port", Integer.toString(http)));
            String sshPort = DmsCloudTestSupport.freePort();
            all.put("org.apache.karaf.shell", Map.of("sshPort", sshPort, "sshHost", "127.0.0.1"));
            all.put("org.apache.karaf.management", Map.of("rmiRegistryPort", DmsCloudTestSupport.freePort(),
                    "rmiServerPort", DmsCloudTestSupport.freePort()));
            for (Map.Entry<String, Map<String, String>> configuration : all.entrySet()) {
                Path file = root.resolve("etc").resolve(configuration.getKey() + ".cfg");
                shipped(root, configuration.getKey()).filter(copy -> !Files.exists(file)).ifPresent(copy -> copyFile(copy, file));
                configure(file, configuration.getValue());
            }
            return new DistributionProcess(root, http, sshPort, UUID.randomUUID().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The JVM options of every distribution the tests start, here and in Pax Exam's containers: a small heap, and the
     * build's options for short-lived test JVMs ({@code test.jvm.options} in the parent POM says why).
     */
    static final List<String> JVM_OPTIONS = jvmOptions();

    private static List<String> jvmOptions() {
        List<String> options = new java.util.ArrayList<>(List.of("-Xmx512m"));
        String build = System.getProperty("dms.itest.jvmOptions", "").trim();
        if (!build.isEmpty()) {
            options.addAll(List.of(build.split("\\s+")));
        }
        return List.copyOf(options);
    }

    private Process launch() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server").directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        builder.environment().put("DMS_ADMIN_PASSWORD", adminPassword);
        builder.environment().put("EXTRA_JAVA_OPTS", String.join(" ", JVM_OPTIONS));
        return builder.start();
    }

    /**
     * Runs a shell command as the operator {@code admin} types it ({@code bin/client} over SSH, batch mode), without
     * waiting: its output goes to the answered process's standard output.
     */
    Process shell(String command) throws IOException {
        Process client = new ProcessBuilder(home.resolve("bin/client").toString(), "-h", "127.0.0.1", "-a", sshPort, "-u", "admin", "-p",
                adminPassword, "-b").directory(home.toFile()).redirectErrorStream(true).start();
        try (var input = client.getOutputStream()) {
            input.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return client;
    }

    /** Runs a shell command as {@link #shell} does, waits a minute at most for it to end, and answers what it printed. */
    String run(String command) throws IOException, InterruptedException {
        Process client = shell(command);
        String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!client.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            client.destroyForcibly();
            throw new AssertionError("'" + command + "' did not end within a minute; it printed: " + output);
        }
        return output;
    }

    /** Kills the node's JVM at once ({@code kill -9}): no shutdown, nothing finished, as when a machine dies. */
    void kill() {
        karaf.descendants().forEach(ProcessHandle::destroyForcibly);
        karaf.destroyForcibly();
        try {
            karaf.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the killed node did not exit", e);
        }
    }

    /** Starts the node again on its own folder (data, logs, configuration) and waits until health answers 200. */
    void restart() {
        try {
            karaf = launch();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitHealthy(Duration.ofSeconds(120));
    }

    boolean isAlive() {
        return karaf.isAlive();
    }

    int httpPort() {
        return httpPort;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    Path home() {
        return home;
    }

    void awaitHealthy(Duration timeout) {
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
            pause(Duration.ofMillis(500));
        }
        close();
        throw new IllegalStateException("the distribution did not become healthy within " + timeout + "; see " + home.resolve("data/log"));
    }

    /**
     * The platform's own configuration file of this PID as the features ship it (the first start copies it into
     * {@code etc/} unless a file is there): a test changes some of its settings and keeps the others as shipped.
     */
    private static java.util.Optional<Path> shipped(Path root, String pid) throws IOException {
        String classifier = SHIPPED.get(pid);
        if (classifier == null) {
            return java.util.Optional.empty();
        }
        try (java.util.stream.Stream<Path> files = Files.walk(root.resolve("system/org/dmscloud/dms-cloud-features"))) {
            return files.filter(file -> file.getFileName().toString().endsWith("-" + classifier + ".cfg")).findFirst();
        }
    }

    private static void copyFile(Path from, Path to) {
        try {
            Files.copy(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /** Waits between two looks at something, or for as long as a fault is meant to last. */
    static void pause(Duration pause) {
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
