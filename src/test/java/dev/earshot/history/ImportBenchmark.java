package dev.earshot.history;

import dev.earshot.bench.BenchHttp;
import dev.earshot.bench.Benchmark;
import dev.earshot.demo.SampleExport;
import dev.earshot.testing.PostgresCluster;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * The import benchmark ({@code bench/import.sh}): generates a data export of N Extended rows with {@link
 * SampleExport}, starts the packaged jar as the container does (demo mode for the sign-in, a bounded heap, JFR on),
 * signs in through the demo sandbox over HTTP, uploads the export to {@code POST /api/me/history/import}, and
 * writes rows/s and peak heap (the largest heap-in-use JFR saw before a collection) to {@code target/bench/import.md}
 * and {@code .json} — for the embedded database, and for PostgreSQL when its binaries are installed.
 */
public final class ImportBenchmark {

    private static final Path OUT = Path.of("target", "bench");
    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private record Result(
            String database,
            long rows,
            long imported,
            long plays,
            double seconds,
            double rowsPerSecond,
            long peakHeapBytes,
            long peakHeapPolledBytes,
            double appCpuSeconds,
            String heap,
            int status) {}

    private ImportBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(args.length > 0 ? args[0] : "1000000");
        String heap = args.length > 1 ? args[1] : "container";
        Files.createDirectories(OUT);
        Path export = OUT.resolve("export-" + rows + ".zip");
        if (!Files.exists(export)) {
            Instant start = Instant.now();
            try (OutputStream out = Files.newOutputStream(export)) {
                SampleExport.write(out, SampleExport.DEMO_SEED, rows);
            }
            System.out.printf(
                    "Generated %s (%d MB) in %d s%n",
                    export,
                    Files.size(export) >> 20,
                    Duration.between(start, Instant.now()).toSeconds());
        }
        List<Result> results = new ArrayList<>();
        results.add(run("embedded (H2)", Map.of(), export, rows, heap));
        if (!Files.isDirectory(Path.of("/usr/lib/postgresql"))) {
            System.out.println("PostgreSQL is not installed: only the embedded database is measured.");
        } else {
            try (PostgresCluster cluster = PostgresCluster.start()) {
                results.add(run(
                        "PostgreSQL",
                        Map.of(
                                "EARSHOT_DATABASE_URL",
                                cluster.jdbcUrl(),
                                "EARSHOT_DATABASE_USER",
                                PostgresCluster.USER,
                                "EARSHOT_DATABASE_PASSWORD",
                                PostgresCluster.PASSWORD),
                        export,
                        rows,
                        heap));
            }
        }
        write(results, export);
    }

    private static Result run(String database, Map<String, String> env, Path export, int rows, String heap)
            throws Exception {
        Path dataDir = Files.createTempDirectory(OUT.toAbsolutePath(), "data-");
        Path jfr = OUT.resolve("import-" + (env.isEmpty() ? "embedded" : "postgresql") + ".jfr")
                .toAbsolutePath();
        Files.deleteIfExists(jfr);
        Path log = OUT.resolve("import-" + (env.isEmpty() ? "embedded" : "postgresql") + ".log");
        int port = BenchHttp.freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(heapFlags(heap));
        command.add("-XX:StartFlightRecording=filename=" + jfr + ",dumponexit=true,settings=default");
        command.addAll(List.of("-jar", JAR.toString()));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("EARSHOT_") || name.startsWith("SPOTIFY_"));
        builder.environment().putAll(env);
        builder.environment().put("EARSHOT_DEMO", "true");
        builder.environment().put("EARSHOT_SECURE_COOKIES", "false");
        builder.environment().put("EARSHOT_SESSION_SECRET", "benchmark-secret-0123456789abcdef-0123456789");
        builder.environment().put("EARSHOT_DATA_DIR", dataDir.toString());
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        Process app = builder.start();
        String base = "http://127.0.0.1:" + port;
        try {
            awaitReady(base);
            String session = signIn(base);
            AtomicLong polledPeak = new AtomicLong();
            Thread poller = new Thread(() -> pollHeap(base, polledPeak), "heap-poller");
            poller.setDaemon(true);
            poller.start();
            Instant start = Instant.now();
            HttpResponse<String> answer = upload(base, session, export);
            double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
            poller.interrupt();
            long imported = sum(answer.body(), "imported");
            long plays = number(answer.body(), "\"plays\":(\\d+)");
            System.out.printf(
                    "%s: status %d, %d rows in %.1f s = %.0f rows/s, %d imported%n",
                    database, answer.statusCode(), rows, seconds, rows / seconds, imported);
            if (answer.statusCode() != 200) {
                System.out.println(answer.body());
            }
            app.destroy();
            app.waitFor(60, TimeUnit.SECONDS);
            return new Result(
                    database,
                    rows,
                    imported,
                    plays,
                    seconds,
                    rows / seconds,
                    peakHeapFromJfr(jfr),
                    polledPeak.get(),
                    cpuSecondsFromJfr(jfr, start, start.plusMillis((long) (seconds * 1000))),
                    heap,
                    answer.statusCode());
        } finally {
            if (app.isAlive()) {
                app.destroyForcibly().waitFor();
            }
        }
    }

    /**
     * {@code container}: the image's flags ({@code docker/jvm.options}) with the memory of the benchmark's container
     * ({@link Benchmark#CONTAINER_MEMORY}), or of another size with {@code container=256m}; otherwise a plain
     * {@code -Xmx}.
     */
    private static List<String> heapFlags(String heap) {
        if (!heap.startsWith("container")) {
            return List.of("-Xmx" + heap);
        }
        String memory =
                heap.startsWith("container=") ? heap.substring("container=".length()) : Benchmark.CONTAINER_MEMORY;
        return List.of("@" + Path.of("docker", "jvm.options").toAbsolutePath(), "-XX:MaxRAM=" + memory);
    }

    /** Signs in through the demo sandbox's consent page, as a browser would; answers the session cookie. */
    private static String signIn(String base) throws Exception {
        HttpResponse<String> login = BenchHttp.get(base + "/login", null);
        String loginCookie = BenchHttp.cookie(login, "earshot_login");
        URI authorize =
                URI.create(base).resolve(login.headers().firstValue("Location").orElseThrow());
        String page = BenchHttp.get(authorize.toString(), null).body();
        Matcher action =
                Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"").matcher(page);
        if (!action.find()) {
            throw new IllegalStateException("No consent form on " + authorize);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")
                .matcher(page);
        while (hidden.find()) {
            fields.put(
                    hidden.group(1),
                    hidden.group(2)
                            .replace("&quot;", "\"")
                            .replace("&#39;", "'")
                            .replace("&lt;", "<")
                            .replace("&gt;", ">")
                            .replace("&amp;", "&"));
        }
        fields.put("decision", "allow");
        String form = fields.entrySet().stream()
                .map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> consent = HTTP.send(
                HttpRequest.newBuilder(authorize.resolve(action.group(1).replace("&amp;", "&")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        URI callback = URI.create(base)
                .resolve(consent.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> signedIn = BenchHttp.get(callback.toString(), "earshot_login=" + loginCookie);
        return BenchHttp.cookie(signedIn, "earshot_session");
    }

    private static HttpResponse<String> upload(String base, String session, Path export) throws Exception {
        String boundary = "earshot-bench-" + System.nanoTime();
        String head =
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"my_spotify_data.zip\""
                        + "\r\nContent-Type: application/zip\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/me/history/import"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Cookie", "earshot_session=" + session)
                .header("Sec-Fetch-Site", "same-origin")
                .header("Accept", "application/json")
                .timeout(Duration.ofMinutes(20))
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofString(head),
                        HttpRequest.BodyPublishers.ofFile(export),
                        HttpRequest.BodyPublishers.ofString(tail)))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The heap in use, summed over the heap pools, as often as the app answers; the largest seen. */
    private static void pollHeap(String base, AtomicLong peak) {
        Pattern heapLine =
                Pattern.compile("^jvm_memory_used_bytes\\{area=\"heap\"[^}]*\\} ([0-9.E+]+)", Pattern.MULTILINE);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                String metrics = BenchHttp.get(base + "/q/metrics", null).body();
                Matcher m = heapLine.matcher(metrics);
                long used = 0;
                while (m.find()) {
                    used += (long) Double.parseDouble(m.group(1));
                }
                peak.accumulateAndGet(used, Math::max);
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                // The app is busy or stopping: try again.
            }
        }
    }

    /** The largest heap in use JFR recorded (its GC heap summaries: just before each collection is a peak). */
    private static long peakHeapFromJfr(Path jfr) throws IOException {
        long peak = 0;
        if (!Files.exists(jfr)) {
            return -1;
        }
        for (RecordedEvent event : RecordingFile.readAllEvents(jfr)) {
            if (event.getEventType().getName().equals("jdk.GCHeapSummary")) {
                peak = Math.max(peak, event.getLong("heapUsed"));
            }
        }
        return peak;
    }

    /**
     * The CPU time the app's JVM used while the import ran (JFR's once-a-second CPU load, as a share of the machine):
     * on a busy machine the wall time says more about the neighbours than about the import; this says what it cost.
     */
    private static double cpuSecondsFromJfr(Path jfr, Instant from, Instant to) throws IOException {
        double seconds = 0;
        if (!Files.exists(jfr)) {
            return -1;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        for (RecordedEvent event : RecordingFile.readAllEvents(jfr)) {
            if (event.getEventType().getName().equals("jdk.CPULoad")
                    && !event.getStartTime().isBefore(from)
                    && !event.getStartTime().isAfter(to.plusSeconds(1))) {
                seconds += (event.getFloat("jvmUser") + event.getFloat("jvmSystem")) * cores;
            }
        }
        return seconds;
    }

    private static void write(List<Result> results, Path export) throws IOException {
        StringBuilder md = new StringBuilder("# Import benchmark\n\n");
        md.append("Export: `")
                .append(export.getFileName())
                .append("` (")
                .append(Files.size(export) >> 20)
                .append(" MB zip, SampleExport seed ")
                .append(SampleExport.DEMO_SEED)
                .append("), uploaded in one request to the packaged jar on ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores, ")
                .append(Instant.now())
                .append("; load average when done: ")
                .append(BenchHttp.loadAverage())
                .append(" (other work on the machine slows the wall time; the app's CPU seconds say what the import"
                        + " cost).")
                .append(
                        "\n\n| database | rows | imported | seconds | rows/s | app CPU seconds | peak heap (JFR) | peak heap (polled) | -Xmx | status |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|\n");
        StringBuilder json = new StringBuilder("[");
        for (Result r : results) {
            md.append(String.format(
                    "| %s | %d | %d | %.1f | %.0f | %.1f | %d MB | %d MB | %s | %d |%n",
                    r.database(),
                    r.rows(),
                    r.imported(),
                    r.seconds(),
                    r.rowsPerSecond(),
                    r.appCpuSeconds(),
                    r.peakHeapBytes() >> 20,
                    r.peakHeapPolledBytes() >> 20,
                    r.heap(),
                    r.status()));
            if (json.length() > 1) {
                json.append(",");
            }
            json.append(String.format(
                    "{\"database\":\"%s\",\"rows\":%d,\"imported\":%d,\"plays\":%d,\"seconds\":%.2f,\"rowsPerSecond\":%.0f,"
                            + "\"appCpuSeconds\":%.1f,\"peakHeapBytes\":%d,\"peakHeapPolledBytes\":%d,\"maxHeap\":\"%s\",\"status\":%d}",
                    r.database(),
                    r.rows(),
                    r.imported(),
                    r.plays(),
                    r.seconds(),
                    r.rowsPerSecond(),
                    r.appCpuSeconds(),
                    r.peakHeapBytes(),
                    r.peakHeapPolledBytes(),
                    r.heap(),
                    r.status()));
        }
        json.append("]\n");
        Files.writeString(OUT.resolve("import.md"), md);
        Files.writeString(OUT.resolve("import.json"), json);
        System.out.print(md);
    }

    private static void awaitReady(String base) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (BenchHttp.get(base + "/q/health/ready", null).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The app did not become ready; see target/bench/*.log");
    }

    private static long sum(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
        long total = 0;
        while (m.find()) {
            total += Long.parseLong(m.group(1));
        }
        return total;
    }

    private static long number(String json, String regex) {
        Matcher m = Pattern.compile(regex).matcher(json);
        long last = -1;
        while (m.find()) {
            last = Long.parseLong(m.group(1));
        }
        return last;
    }
}
