package dev.earshot.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One server under test as its own process (the app's packaged jar, or the baseline): started with its command and
 * environment, timed from spawn to its first 200, and read for memory from {@code /proc}.
 */
final class ServerProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();

    private final Process process;
    private final long startedNanos;
    private final Path log;

    private ServerProcess(Process process, long startedNanos, Path log) {
        this.process = process;
        this.startedNanos = startedNanos;
        this.log = log;
    }

    /** Spawns {@code command} with only {@code environment} added to a clean copy of ours; output to {@code log}. */
    static ServerProcess start(List<String> command, Map<String, String> environment, Path log) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment()
                .keySet()
                .removeIf(name -> name.startsWith("EARSHOT_")
                        || name.startsWith("SPOTIFY_")
                        || name.startsWith("QUARKUS_")
                        || name.equals("JAVA_TOOL_OPTIONS")
                        || name.equals("JDK_JAVA_OPTIONS"));
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        return new ServerProcess(builder.start(), started, log);
    }

    /** When the server first accepted a connection and first answered 200, in milliseconds after the spawn. */
    record Start(double listeningMs, double first200Ms) {}

    /**
     * Waits for {@code url} to answer 200 and says how long that took from the spawn, in milliseconds. Polls every
     * 5 ms: a refused connection answers at once on loopback.
     */
    double awaitFirst200(String url, Duration limit) throws IOException, InterruptedException {
        return awaitStart(url, limit).first200Ms();
    }

    /**
     * Waits for the port of {@code url} to accept a connection, then for {@code url} to answer 200: the difference is
     * what the first request cost (in the app: loading its classes, and its calls to Spotify).
     */
    Start awaitStart(String url, Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        URI uri = URI.create(url);
        double listening = -1;
        while (listening < 0) {
            checkAlive(deadline, url, limit);
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 1000);
                listening = (System.nanoTime() - startedNanos) / 1e6;
            } catch (IOException e) {
                Thread.sleep(5);
            }
        }
        HttpRequest request =
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build();
        while (true) {
            checkAlive(deadline, url, limit);
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return new Start(listening, (System.nanoTime() - startedNanos) / 1e6);
                }
            } catch (IOException e) {
                // Listening, but not answering yet.
            }
            Thread.sleep(5);
        }
    }

    private void checkAlive(long deadline, String url, Duration limit) {
        if (!process.isAlive()) {
            throw new IllegalStateException("The server stopped while starting; see " + log);
        }
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("No 200 from " + url + " within " + limit + "; see " + log);
        }
    }

    /** Resident set now, in bytes. */
    long rss() throws IOException {
        return statusField("VmRSS");
    }

    /** The largest resident set so far, in bytes. */
    long peakRss() throws IOException {
        return statusField("VmHWM");
    }

    /** CPU seconds the process has used so far (user + system). */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        // utime and stime are fields 14 and 15; the command name (field 2) may hold spaces, so count after its ")".
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    Path log() {
        return log;
    }

    private long statusField(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IllegalStateException("No " + field + " for process " + process.pid());
    }

    /** SIGTERM, then up to 30 s for a graceful stop (the JVM writes an AOT cache at exit), then SIGKILL. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
