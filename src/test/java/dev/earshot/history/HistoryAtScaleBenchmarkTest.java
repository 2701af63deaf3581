package dev.earshot.history;

import static dev.earshot.testing.CookieNames.SESSION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.database.Database;
import dev.earshot.testing.Sessions;
import dev.earshot.testing.TestDatabase;
import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How fast the history reads back at 1,000,000 streams of one listener (five years, 40,000 tracks, 2,000 artists):
 * the summary of a year and of all time, the export's throughput, and forgetting it all; on H2 the plan of the
 * summary must use {@code play_by_listener_and_time}. Off by default (it writes a million rows); run it with
 * {@code ./mvnw -B -q test -Dtest=HistoryAtScaleBenchmarkTest -Dhistory.benchmark=true
 * -Dsurefire.failIfNoSpecifiedTests=false} — on the embedded database, then on PostgreSQL. Numbers go to the
 * console and to {@code target/history-benchmark-<database>.txt}.
 */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
@Tag("database")
@EnabledIfSystemProperty(named = "history.benchmark", matches = "true")
class HistoryAtScaleBenchmarkTest {

    static final int STREAMS = MillionPlays.STREAMS;

    @Inject
    Database database;

    @Inject
    HistoryQueries queries;

    @Inject
    ListenerHistoryEraser eraser;

    private final String listener = "benchmark-" + UUID.randomUUID();
    private final String bystander = "benchmark-bystander-" + UUID.randomUUID();
    private final List<String> report = new ArrayList<>();
    private int writes;

    @AfterEach
    void forgetTheMillion() throws IOException {
        long started = System.nanoTime();
        long deleted = eraser.forget(listener).streams();
        eraser.forget(bystander);
        note("forget (DELETE of %,d rows in one transaction): %,d ms", deleted, millisSince(started));
        String name = TestDatabase.postgresql() ? "postgresql" : "h2";
        Files.write(Path.of("target/history-benchmark-" + name + ".txt"), report);
    }

    @Test
    void aMillionStreamsReadBackFast() throws Exception {
        note("database: %s", TestDatabase.postgresql() ? "PostgreSQL" : "H2 (embedded)");
        insertAMillion();

        HistoryPeriod year = HistoryPeriod.parse("2023-01-01", "2024-01-01", "Europe/Berlin");
        explain(year);
        long yearMs = timeSummary("one year (2023, Europe/Berlin)", year);
        long allMs = timeSummary("all time", HistoryPeriod.allTime());
        HistorySummary all = queries.summary(listener, HistoryPeriod.allTime(), 10);
        note(
                "all time: %,d plays, %,d distinct tracks, %,d distinct artists, %,d episode plays",
                all.plays(),
                all.distinctTracks(),
                all.distinctArtists(),
                all.episodes().plays());
        timeHttpSummary("?from=2023-01-01&to=2024-01-01&tz=Europe/Berlin");
        timeHttpSummary("");

        exportThroughput("csv");
        exportThroughput("json");

        assertTrue(yearMs < 5_000, "a year's summary took " + yearMs + " ms");
        assertTrue(allMs < 10_000, "the all-time summary took " + allMs + " ms");
    }

    private void insertAMillion() {
        long ms = MillionPlays.insert(database, listener);
        note(
                "insert: %,d streams in %,d ms (%,d rows/s, JDBC batches of %,d)",
                MillionPlays.STREAMS, ms, MillionPlays.STREAMS * 1000L / ms, MillionPlays.BATCH);
    }

    private void explain(HistoryPeriod period) {
        String plan = database.inTransaction(connection -> {
            String sql = "EXPLAIN SELECT kind, artist, name, MAX(uri),"
                    + " SUM(CASE WHEN ms_played >= 30000 THEN 1 ELSE 0 END), SUM(ms_played)"
                    + " FROM play WHERE listener_id = ? AND ended_at >= ? AND ended_at < ?"
                    + " GROUP BY kind, artist, name";
            try (PreparedStatement explain = connection.prepareStatement(sql)) {
                explain.setString(1, listener);
                explain.setObject(2, OffsetDateTime.ofInstant(period.start(), ZoneOffset.UTC));
                explain.setObject(3, OffsetDateTime.ofInstant(period.end(), ZoneOffset.UTC));
                StringBuilder lines = new StringBuilder();
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        lines.append(rows.getString(1)).append('\n');
                    }
                }
                return lines.toString();
            }
        });
        note("plan of the summary query for a year:%n%s", plan.strip());
        String exportPlan = database.inTransaction(connection -> {
            try (PreparedStatement explain = connection.prepareStatement(
                    "EXPLAIN SELECT ended_at, ms_played, kind,"
                            + " uri, name, artist, album, source FROM play WHERE listener_id = ? ORDER BY listener_id, ended_at")) {
                explain.setString(1, listener);
                StringBuilder lines = new StringBuilder();
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        lines.append(rows.getString(1)).append('\n');
                    }
                }
                return lines.toString();
            }
        });
        note("plan of the export query:%n%s", exportPlan.strip());
        if (!TestDatabase.postgresql()) {
            assertTrue(exportPlan.contains("index sorted"), exportPlan);
        }
        if (!TestDatabase.postgresql()) {
            assertTrue(plan.contains("play_by_listener_and_time"), plan);
        }
    }

    private long timeSummary(String what, HistoryPeriod period) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 2; i++) {
            queries.summary(listener, period, 10); // warm-up
        }
        long[] runs = new long[5];
        long[] cpu = new long[5];
        for (int i = 0; i < runs.length; i++) {
            // A write in between, as the recorder makes them: H2 would otherwise hand back its last result unread.
            StoredPlays.insert(
                    bystander,
                    StoredPlays.track(
                            Instant.parse("2023-06-01T00:00:00Z")
                                    .plusSeconds(writes++)
                                    .toString(),
                            60_000,
                            "spotify:track:b",
                            "Bystander",
                            "B"));
            long started = System.nanoTime();
            long startedCpu = threads.getCurrentThreadCpuTime();
            queries.summary(listener, period, 10);
            runs[i] = millisSince(started);
            cpu[i] = (threads.getCurrentThreadCpuTime() - startedCpu) / 1_000_000;
        }
        Arrays.sort(runs);
        Arrays.sort(cpu);
        note(
                "summary, %s: median %,d ms (min %,d, max %,d; 5 runs)%s",
                what,
                runs[2],
                runs[0],
                runs[4],
                TestDatabase.postgresql()
                        ? ""
                        : String.format("; CPU time of the querying thread (H2 runs in it): median %,d ms", cpu[2]));
        return runs[2];
    }

    private void timeHttpSummary(String query) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/api/me/history/summary" + query))
                .header("Cookie", SESSION + "=" + cookie())
                .build();
        long started = System.nanoTime();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        note("GET /api/me/history/summary%s over HTTP: %,d ms", query, millisSince(started));
    }

    private void exportThroughput(String format) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/api/me/history/export?format=" + format))
                .header("Cookie", SESSION + "=" + cookie())
                .timeout(Duration.ofMinutes(5))
                .build();
        AtomicLong peakHeap = new AtomicLong();
        Thread sampler = new Thread(() -> sampleHeap(peakHeap), "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        System.gc();
        long heapBefore = usedHeap();
        long started = System.nanoTime();
        long firstByteMs;
        long bytes = 0;
        long newlines = 0;
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        firstByteMs = millisSince(started);
        try (InputStream body = response.body()) {
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = body.read(buffer)) > 0) {
                bytes += read;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n' || buffer[i] == '}') {
                        newlines++;
                    }
                }
            }
        }
        long ms = millisSince(started);
        sampler.interrupt();
        note(
                "export %s: %,d bytes, %,d rows in %,d ms (first byte after %,d ms): %,d rows/s, %.1f MB/s;"
                        + " heap in use rose from %,d MB to at most %,d MB (server and client share this JVM)",
                format,
                bytes,
                format.equals("csv") ? newlines - 1 : newlines,
                ms,
                firstByteMs,
                STREAMS * 1000L / ms,
                bytes / 1e6 / (ms / 1000.0),
                heapBefore >> 20,
                peakHeap.get() >> 20);
    }

    private static void sampleHeap(AtomicLong peak) {
        while (!Thread.currentThread().isInterrupted()) {
            peak.accumulateAndGet(usedHeap(), Math::max);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private String cookie() {
        return Sessions.sealed(Sessions.ofListener(listener, "Benchmark Listener"));
    }

    private static String base() {
        return "http://localhost:" + RestAssured.port;
    }

    private void note(String format, Object... values) {
        String line = String.format(format, values);
        System.out.println("BENCHMARK " + line.replace("\n", "\nBENCHMARK   "));
        report.add(line);
    }

    private static long millisSince(long startedNanos) {
        return Math.max(1, (System.nanoTime() - startedNanos) / 1_000_000);
    }
}
