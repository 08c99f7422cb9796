package org.dmscloud.bench.api;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load generator: Debian's {@code wrk}, one thread and a fixed number of connections for a fixed time, each
 * request with the next session's bearer token when the path needs one. Its figures are parsed from its report.
 */
final class Wrk {

    private static final String SCRIPT = String.join("\n",
            "local tokens = {}",
            "local next_token = 0",
            "function init(args)",
            "  if args[1] then for line in io.lines(args[1]) do tokens[#tokens + 1] = line end end",
            "end",
            "function request()",
            "  if #tokens == 0 then return wrk.format(\"GET\") end",
            "  next_token = next_token % #tokens + 1",
            "  return wrk.format(\"GET\", nil, { [\"Authorization\"] = \"Bearer \" .. tokens[next_token] })",
            "end", "");
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
    private static final Pattern REQUESTS_PER_SECOND = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
    private static final Pattern NOT_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    /** What one run measured. */
    record Result(long requests, double requestsPerSecond, double p50Millis, double p99Millis, long notSuccessful, long socketErrors) {
    }

    private final Path script;
    private final int connections;
    private final Duration duration;

    Wrk(Path workFolder, int connections, Duration duration) throws IOException {
        this.script = Files.writeString(workFolder.resolve("bearer.lua"), SCRIPT);
        this.connections = connections;
        this.duration = duration;
    }

    Result run(URI target, Optional<Path> tokens) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t1", "-c" + connections, "-d" + duration.toSeconds() + "s", "--latency",
                "-s", script.toString(), target.toString()));
        tokens.ifPresent(file -> command.addAll(List.of("--", file.toString())));
        Process wrk;
        try {
            wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
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
        Matcher requests = REQUESTS.matcher(report);
        return new Result(requests.find() ? Long.parseLong(requests.group(1)) : 0, Double.parseDouble(rate.group(1)), p50, p99, notSuccessful,
                socketErrors);
    }

    private static double millis(double value, String unit) {
        return switch (unit) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }
}
