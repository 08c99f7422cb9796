package org.dmscloud.bench.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load generator: Debian's {@code wrk}, one thread and a fixed number of connections for a fixed time, driven by
 * one of the Lua scripts of {@code src/main/resources/wrk/} (reads with the next session's bearer token, or the
 * write sequences). Its figures are parsed from its report.
 */
final class Wrk {

    /** The Lua scripts, in {@code src/main/resources/wrk/}. */
    static final String READS = "reads.lua";
    static final String CREATE_DELETE = "create-delete.lua";
    static final String CHANGE_SETTINGS = "change-settings.lua";
    static final String PAGES = "pages.lua";
    private static final List<String> SCRIPTS = List.of(READS, CREATE_DELETE, CHANGE_SETTINGS, PAGES, "statuses.lua");

    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
    private static final Pattern REQUESTS_PER_SECOND = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
    private static final Pattern NOT_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern STATUS = Pattern.compile("^status (\\d+): (\\d+)$", Pattern.MULTILINE);

    /** What one run measured; {@code statuses} only from the scripts that count them (the writes). */
    record Result(long requests, double requestsPerSecond, double p50Millis, double p99Millis, long notSuccessful, long socketErrors,
            Map<Integer, Long> statuses) {

        long answered(int status) {
            return statuses.getOrDefault(status, 0L);
        }
    }

    private final Path scripts;
    private final int connections;
    private final Duration duration;

    Wrk(Path workFolder, int connections, Duration duration) throws IOException {
        this.scripts = Files.createDirectories(workFolder.resolve("wrk"));
        for (String script : SCRIPTS) {
            try (InputStream source = Wrk.class.getResourceAsStream("/wrk/" + script)) {
                Files.copy(source, scripts.resolve(script), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        this.connections = connections;
        this.duration = duration;
    }

    /** Runs the script against the target; its arguments follow it (files of tokens, a run id). */
    Result run(URI target, String script, List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t1", "-c" + connections, "-d" + duration.toSeconds() + "s", "--latency",
                "-s", scripts.resolve(script).toString(), target.toString()));
        if (!arguments.isEmpty()) {
            command.add("--");
            command.addAll(arguments);
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("BENCH_WRK", scripts.toString());
        Process wrk;
        try {
            wrk = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("wrk is not installed: apt-get install wrk", e);
        }
        String report = new String(wrk.getInputStream().readAllBytes());
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed:\n" + report);
        }
        return parse(report);
    }

    static Result parse(String report) {
        Matcher rate = REQUESTS_PER_SECOND.matcher(report);
        if (!rate.find()) {
            throw new IllegalStateException("no Requests/sec in wrk's report:\n" + report);
        }
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        Matcher percentile = PERCENTILE.matcher(report);
        while (percentile.find()) {
            double millis = millis(Double.parseDouble(percentile.group(2)), percentile.group(3));
            if (percentile.group(1).equals("50")) {
                p50 = millis;
            } else {
                p99 = millis;
            }
        }
        Matcher not2xx = NOT_2XX.matcher(report);
        long notSuccessful = not2xx.find() ? Long.parseLong(not2xx.group(1)) : 0;
        Matcher errors = SOCKET_ERRORS.matcher(report);
        long socketErrors = 0;
        if (errors.find()) {
            for (int i = 1; i <= 4; i++) {
                socketErrors += Long.parseLong(errors.group(i));
            }
        }
        Map<Integer, Long> statuses = new TreeMap<>();
        Matcher status = STATUS.matcher(report);
        while (status.find()) {
            statuses.put(Integer.parseInt(status.group(1)), Long.parseLong(status.group(2)));
        }
        Matcher requests = REQUESTS.matcher(report);
        return new Result(requests.find() ? Long.parseLong(requests.group(1)) : 0, Double.parseDouble(rate.group(1)), p50, p99, notSuccessful,
                socketErrors, statuses);
    }

    private static double millis(double value, String unit) {
        return switch (unit) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }
}
