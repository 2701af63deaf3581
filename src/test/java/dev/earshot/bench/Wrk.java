package dev.earshot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The load generator: Debian's {@code wrk}, two threads (one per core), with a small Lua {@code done} hook that
 * prints its exact latency percentiles as JSON rather than the rounded table. The hook runs once, at the end, so it
 * costs nothing per request.
 */
final class Wrk {

    /** What one wrk run measured. Latencies in milliseconds. */
    record Result(
            long requests,
            double seconds,
            double requestsPerSecond,
            double p50Ms,
            double p90Ms,
            double p99Ms,
            double p999Ms,
            double maxMs,
            long non2xx,
            long socketErrors) {

        long failures() {
            return non2xx + socketErrors;
        }
    }

    private static final String REPORT = """
            done = function(summary, latency, requests)
              io.write(string.format('WRK_JSON {"requests":%d,"duration_us":%d,"non2xx":%d,'
                .. '"socket_errors":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"p999_us":%d,"max_us":%d}\\n',
                summary.requests, summary.duration, summary.errors.status,
                summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
                latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9),
                latency.max))
            end
            """;

    private final Path script;

    Wrk(Path workDirectory) throws IOException {
        Files.createDirectories(workDirectory);
        this.script = workDirectory.resolve("wrk-report.lua");
        Files.writeString(script, REPORT);
    }

    /** {@code connections} keep-alive connections on {@code url} for {@code duration}; {@code headers} as "Name: value". */
    Result run(String url, int connections, Duration duration, List<String> headers)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                "wrk",
                "-t",
                Integer.toString(Math.min(2, connections)),
                "-c",
                Integer.toString(connections),
                "-d",
                duration.toSeconds() + "s",
                "--timeout",
                "15s",
                "-s",
                script.toString()));
        for (String header : headers) {
            command.add("-H");
            command.add(header);
        }
        command.add(url);
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0 || !output.contains("WRK_JSON ")) {
            throw new IllegalStateException("wrk failed on " + url + ":\n" + output);
        }
        JsonNode json = new ObjectMapper()
                .readTree(output.substring(output.indexOf("WRK_JSON ") + 9)
                        .lines()
                        .findFirst()
                        .orElseThrow());
        long requests = json.path("requests").asLong();
        double seconds = json.path("duration_us").asLong() / 1e6;
        return new Result(
                requests,
                seconds,
                requests / seconds,
                json.path("p50_us").asLong() / 1000.0,
                json.path("p90_us").asLong() / 1000.0,
                json.path("p99_us").asLong() / 1000.0,
                json.path("p999_us").asLong() / 1000.0,
                json.path("max_us").asLong() / 1000.0,
                json.path("non2xx").asLong(),
                json.path("socket_errors").asLong());
    }
}
