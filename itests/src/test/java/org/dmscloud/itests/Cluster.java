package org.dmscloud.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * DMS Cloud as the README's "Several nodes" deploys it, on loopback: N distributions started as operators start
 * them, on one PostgreSQL, behind Debian's HAProxy run with the configuration the distribution ships
 * ({@code cluster/haproxy.cfg}), its addresses replaced by the nodes' and a statistics page added.
 */
final class Cluster implements AutoCloseable {

    private final List<DistributionProcess> nodes;
    private final Process haproxy;
    private final int port;
    private final int statsPort;

    private Cluster(List<DistributionProcess> nodes, Process haproxy, int port, int statsPort) {
        this.nodes = nodes;
        this.haproxy = haproxy;
        this.port = port;
        this.statsPort = statsPort;
    }

    /**
     * Starts the nodes one after the other (the first migrates the schema), each with the given configuration and
     * its own node name, then HAProxy in front of them, and waits until HAProxy sees every node up.
     */
    static Cluster start(int size, Map<String, Map<String, String>> configuration) {
        List<DistributionProcess> nodes = new ArrayList<>();
        try {
            for (int i = 1; i <= size; i++) {
                Map<String, Map<String, String>> ofNode = new LinkedHashMap<>(configuration);
                ofNode.put("org.dmscloud.billing.run", Map.of("node", "node-" + i));
                nodes.add(DistributionProcess.launch("node-" + i, Integer.parseInt(DmsCloudTestSupport.freePort()), ofNode));
            }
            // All started at once, on one empty database: their schema extenders take turns by Liquibase's lock.
            nodes.forEach(node -> node.awaitHealthy(Duration.ofSeconds(180)));
            int port = Integer.parseInt(DmsCloudTestSupport.freePort());
            int statsPort = Integer.parseInt(DmsCloudTestSupport.freePort());
            Path shipped = nodes.get(0).home().resolve("cluster/haproxy.cfg");
            Path loopback = shipped.resolveSibling("haproxy-loopback.cfg");
            Files.writeString(loopback, loopback(Files.readString(shipped), nodes, port, statsPort));
            Process haproxy;
            try {
                haproxy = new ProcessBuilder("haproxy", "-db", "-f", loopback.toString()).redirectErrorStream(true)
                        .redirectOutput(shipped.resolveSibling("haproxy.log").toFile()).start();
            } catch (IOException e) {
                throw new IllegalStateException("HAProxy is not installed: apt-get install haproxy", e);
            }
            Cluster cluster = new Cluster(nodes, haproxy, port, statsPort);
            cluster.awaitUp(size, Duration.ofSeconds(30));
            return cluster;
        } catch (IOException | RuntimeException e) {
            nodes.forEach(DistributionProcess::close);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** The shipped configuration on loopback: its frontend on {@code port}, its servers the nodes, and statistics. */
    static String loopback(String shipped, List<DistributionProcess> nodes, int port, int statsPort) {
        if (!shipped.contains("bind :8080") || !shipped.contains("server node-1 ")) {
            throw new IllegalStateException("cluster/haproxy.cfg changed: the test no longer knows where to put the nodes");
        }
        String servers = java.util.stream.IntStream.range(0, nodes.size())
                .mapToObj(i -> "    server node-" + (i + 1) + " 127.0.0.1:" + nodes.get(i).httpPort()).collect(Collectors.joining("\n"));
        return shipped.replace("bind :8080", "bind 127.0.0.1:" + port)
                .replaceAll("(?m)^    server node-\\d+ .*$\\n?", "")
                // The backend of the nodes is the file's last section: its servers go at the end.
                + servers + "\n\nlisten statistics\n    bind 127.0.0.1:" + statsPort + "\n    stats enable\n    stats uri /stats\n";
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + "/api/v1" + path);
    }

    DistributionProcess node(int number) {
        return nodes.get(number - 1);
    }

    int size() {
        return nodes.size();
    }

    /** HAProxy's view of each node: UP, DOWN, and the transitions in between. */
    Map<String, String> states() {
        try {
            HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statsPort
                    + "/stats;csv")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> states = new LinkedHashMap<>();
            for (String line : csv.body().split("\n")) {
                String[] fields = line.split(",");
                if (fields.length > 17 && fields[0].equals("nodes") && fields[1].startsWith("node-")) {
                    states.put(fields[1], fields[17]);
                }
            }
            return states;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until HAProxy sees this many nodes up. */
    void awaitUp(int up, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Map<String, String> states = Map.of();
        while (Instant.now().isBefore(deadline)) {
            if (!haproxy.isAlive()) {
                throw new IllegalStateException("HAProxy stopped; see cluster/haproxy.log of node-1");
            }
            try {
                states = states();
                if (states.values().stream().filter(state -> state.equals("UP")).count() == up) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // HAProxy not listening yet
            }
            DistributionProcess.pause(Duration.ofMillis(250));
        }
        throw new IllegalStateException("HAProxy did not see " + up + " nodes up within " + timeout + ": " + states);
    }

    @Override
    public void close() {
        haproxy.destroy();
        nodes.forEach(DistributionProcess::close);
    }
}
