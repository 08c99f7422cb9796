package org.dmscloud.bench.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A copy of the built distribution ({@code assembly/target/assembly}), started and stopped as an operator does
 * ({@code bin/karaf server}), with what the benchmark reads of its JVM: readiness, resident memory and CPU time.
 */
final class Distribution implements AutoCloseable {

    static final URI BASE = URI.create("http://localhost:8181");

    private final Path home;
    /** The operator's password, given to the first start as bin/setenv reads it, for {@link #shell}. */
    private final String adminPassword = java.util.UUID.randomUUID().toString();
    private int sshPort = 8101;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private URI base = BASE;
    private Process script;

    private Distribution(Path home) {
        this.home = home;
    }

    /** A fresh copy of the built distribution in a temporary folder, without what a run of it left in {@code data/}. */
    static Distribution copyOf(Path assembly) throws IOException {
        if (!Files.isExecutable(assembly.resolve("bin/karaf"))) {
            throw new IllegalStateException("No distribution at " + assembly + ": run 'mvn -DskipTests install' at the top first.");
        }
        Path home = Files.createTempDirectory("dms-cloud-bench-");
        try (Stream<Path> files = Files.walk(assembly)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                if (assembly.relativize(source).startsWith("data")) {
                    continue;
                }
                Path target = home.resolve(assembly.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return new Distribution(home);
    }

    Path home() {
        return home;
    }

    /** Where this copy's portal answers. */
    URI uri(String path) {
        return base.resolve(path);
    }

    /**
     * Moves this copy's ports, so that several run on one machine as the nodes of a cluster: its portal to {@code http},
     * and its shell and JMX ports from {@code http + 1} on.
     */
    void usePorts(int http) throws IOException {
        Map<String, Map<String, String>> ports = Map.of(
                "org.ops4j.pax.web.cfg", Map.of("org.osgi.service.http.port", Integer.toString(http)),
                "org.apache.karaf.shell.cfg", Map.of("sshPort", Integer.toString(http + 1)),
                "org.apache.karaf.management.cfg", Map.of("rmiRegistryPort", Integer.toString(http + 2), "rmiServerPort", Integer.toString(http + 3)));
        for (Map.Entry<String, Map<String, String>> file : ports.entrySet()) {
            Path configuration = home.resolve("etc").resolve(file.getKey());
            List<String> lines = Files.readAllLines(configuration).stream().map(line -> {
                String key = line.split("=", 2)[0].strip();
                return file.getValue().containsKey(key) && !line.startsWith("#") ? key + " = " + file.getValue().get(key) : line;
            }).toList();
            Files.write(configuration, lines);
        }
        base = URI.create("http://localhost:" + http);
        sshPort = http + 1;
    }

    /**
     * The platform's data source on PostgreSQL instead of the embedded H2, as the README tells operators: the
     * shipped file (which the first start would copy into {@code etc/}) with its database lines replaced, the pool's
     * settings kept.
     */
    void usePostgres(String jdbcUrl, String user, String password) throws IOException {
        Path shipped;
        try (Stream<Path> files = Files.walk(home.resolve("system/org/dmscloud/dms-cloud-features"))) {
            shipped = files.filter(file -> file.getFileName().toString().endsWith("-datasource.cfg")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the distribution ships no data source configuration"));
        }
        Path configuration = home.resolve("etc/org.ops4j.datasource-dmscloud.cfg");
        Map<String, String> database = Map.of("osgi.jdbc.driver.class", "org.postgresql.Driver", "url", jdbcUrl, "user", user,
                "password", password);
        List<String> lines = Files.readAllLines(shipped).stream().map(line -> {
            String key = line.split("=", 2)[0].strip();
            return database.containsKey(key) && !line.startsWith("#") ? key + " = " + database.get(key) : line;
        }).toList();
        Files.write(configuration, lines);
    }

    /** The embedded H2 database's JDBC URL, for seeding while the platform is stopped. */
    String h2Url() {
        return "jdbc:h2:" + home.resolve("data/db/dmscloud") + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /** Starts the platform and answers how long it took until health answered 200 (and the floor, if deployed). */
    Duration start(boolean withFloor) throws IOException, InterruptedException {
        if (answers("/api/v1/health")) {
            // Another platform (a run left behind) would be measured instead of this one.
            throw new IllegalStateException("Something already answers at " + base + ": stop it first.");
        }
        long started = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server").directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(home.resolve("bench-console.log").toFile());
        // The shipped defaults (bin/setenv) unless an experiment sets other JVM options: -Dbench.javaOpts="-Xmx512m -XX:+UseSerialGC".
        String javaOptions = System.getProperty("bench.javaOpts", "");
        if (!javaOptions.isBlank()) {
            builder.environment().put("EXTRA_JAVA_OPTS", javaOptions);
        }
        builder.environment().put("DMS_ADMIN_PASSWORD", adminPassword);
        script = builder.start();
        Duration deadline = Duration.ofMinutes(3);
        while (System.nanoTime() - started < deadline.toNanos()) {
            if (!script.isAlive()) {
                throw new IllegalStateException("The platform stopped while starting; see " + home.resolve("data/log/karaf.log"));
            }
            if (answers("/api/v1/health") && (!withFloor || answers("/api/v1/bench/floor"))) {
                return Duration.ofNanos(System.nanoTime() - started);
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The platform was not ready within " + deadline + "; see " + home.resolve("data/log/karaf.log"));
    }

    /** Runs a shell command as the operator types it ({@code bin/client} over SSH, batch mode) and answers what it printed. */
    String shell(String command) throws IOException, InterruptedException {
        Process client = new ProcessBuilder(home.resolve("bin/client").toString(), "-h", "127.0.0.1", "-a", Integer.toString(sshPort), "-u", "admin",
                "-p", adminPassword, "-b").directory(home.toFile()).redirectErrorStream(true).start();
        try (var input = client.getOutputStream()) {
            input.write((command + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String output = new String(client.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!client.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || client.exitValue() != 0) {
            client.destroyForcibly();
            throw new IllegalStateException("'" + command + "' failed: " + output);
        }
        return output;
    }

    /** Stops the platform as the operating system asks a service to (SIGTERM), and waits for it to be gone. */
    void stop() throws InterruptedException {
        if (script == null) {
            return;
        }
        List<ProcessHandle> processes = Stream.concat(script.descendants(), Stream.of(script.toHandle())).toList();
        processes.forEach(ProcessHandle::destroy);
        for (ProcessHandle process : processes) {
            try {
                process.onExit().get(java.util.concurrent.TimeUnit.SECONDS.toMillis(60), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                process.destroyForcibly();
            }
        }
        script = null;
    }

    /** The platform's JVM (the start script's child). */
    ProcessHandle jvm() {
        return script.descendants().filter(process -> process.info().command().map(command -> command.endsWith("java")).orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("no JVM under the start script"));
    }

    /** The JVM's resident memory, in MB, from {@code /proc}. */
    long residentMegabytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(jvm().pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for the JVM");
    }

    /** The CPU time the JVM has used so far. */
    Duration cpuTime() {
        return jvm().info().totalCpuDuration().orElseThrow(() -> new IllegalStateException("the JVM's CPU time is not readable"));
    }

    private boolean answers(String path) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stop();
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
