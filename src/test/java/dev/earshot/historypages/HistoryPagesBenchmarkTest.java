package dev.earshot.historypages;

import static dev.earshot.testing.CookieNames.SESSION;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.earshot.database.Database;
import dev.earshot.figures.ListeningFigures;
import dev.earshot.history.HistoryPeriod;
import dev.earshot.history.ListenerHistoryEraser;
import dev.earshot.history.MillionPlays;
import dev.earshot.history.PlayRow;
import dev.earshot.history.StoredPlays;
import dev.earshot.testing.Sessions;
import dev.earshot.testing.TestDatabase;
import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How fast the history pages and the recap are with 1,000,000 plays of one listener ({@link MillionPlays}): the
 * time to build the rollups once, then p50/p95/max of every figure the pages show and of every page over HTTP,
 * each run after a write (as the recorder makes them, so no database hands back a cached result). Off by default; run it with
 * {@code ./mvnw -B -q test -Dtest=HistoryPagesBenchmarkTest -Dhistory.benchmark=true
 * -Dsurefire.failIfNoSpecifiedTests=false} — on the embedded database, then on PostgreSQL. Numbers go to the
 * console and to {@code target/history-pages-benchmark-<database>.txt}.
 */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
@Tag("database")
@EnabledIfSystemProperty(named = "history.benchmark", matches = "true")
class HistoryPagesBenchmarkTest {

    static final int RUNS = 40;
    static final long TARGET_P95_MS = 150;
    static final long BUDGET_NANOS = 20_000_000_000L;

    @Inject
    Database database;

    @Inject
    ListeningFigures figures;

    @Inject
    ListenerHistoryEraser eraser;

    private final String listener = "pages-benchmark-" + UUID.randomUUID();
    private final String bystander = "pages-benchmark-bystander-" + UUID.randomUUID();
    private final List<String> report = new ArrayList<>();
    private int writes;

    @AfterEach
    void forgetTheMillion() throws IOException {
        eraser.forget(listener);
        eraser.forget(bystander);
        String name = TestDatabase.postgresql() ? "postgresql" : "h2";
        Files.write(Path.of("target/history-pages-benchmark-" + name + ".txt"), report);
    }

    @Test
    void everyFigureOfAMillionPlaysIsQuick() {
        note("database: %s", TestDatabase.postgresql() ? "PostgreSQL" : "H2 (embedded)");
        long inserted = MillionPlays.insert(database, listener);
        note("insert: %,d streams in %,d ms", MillionPlays.STREAMS, inserted);
        long built = MillionPlays.buildRollups(database, listener);
        note("rollups built from the plays (as the backfill does after an upgrade): %,d ms", built);

        HistoryPeriod year = HistoryPeriod.parse("2024-01-01", "2025-01-01", "Europe/Berlin");
        HistoryPeriod month = HistoryPeriod.parse("2024-06-01", "2024-07-01", "Europe/Berlin");
        HistoryPeriod week = HistoryPeriod.parse("2024-06-10", "2024-06-17", "Europe/Berlin");
        HistoryPeriod custom = HistoryPeriod.parse("2022-03-15", "2023-09-20", "America/New_York");
        HistoryPeriod allTime = new HistoryPeriod(null, null, HistoryPeriod.UTC);
        Instant now = MillionPlays.LAST.plusSeconds(3600);
        Map<String, Supplier<?>> work = new LinkedHashMap<>();
        work.put(
                "period, a year (2024, Europe/Berlin), with the year before", () -> figures.period(listener, year, 10));
        work.put("period, all time", () -> figures.period(listener, allTime, 10));
        work.put("period, a month, with the month before", () -> figures.period(listener, month, 10));
        work.put("period, a week, with the week before", () -> figures.period(listener, week, 10));
        work.put("period, 2022-03-15 to 2023-09-20 (New York)", () -> figures.period(listener, custom, 10));
        work.put("calendar days of a year", () -> figures.days(listener, year));
        work.put("listening clock of a year", () -> figures.clock(listener, year));
        work.put("listening clock, all time", () -> figures.clock(listener, allTime));
        work.put("streaks of a year and up to now", () -> figures.streaks(listener, year, now));
        work.put(
                "discovery of a year (first heard, forgotten favourites)", () -> figures.discovery(listener, year, 10));
        work.put("one artist (the top one)", () -> figures.artist(listener, "Artist 0", 10));
        for (Map.Entry<String, Supplier<?>> figure : work.entrySet()) {
            time(figure.getKey(), figure.getValue());
        }

        note("pages over HTTP (the whole request: session, figures, template):");
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("history, a year", "/history?year=2024&tz=Europe/Berlin");
        pages.put("history, all time", "/history?period=all&tz=Europe/Berlin");
        pages.put("history, a month", "/history?from=2024-06-01&to=2024-07-01&tz=Europe/Berlin");
        pages.put("history, a week", "/history?from=2024-06-10&to=2024-06-17&tz=Europe/Berlin");
        pages.put("history, 2022-03-15 to 2023-09-20", "/history?from=2022-03-15&to=2023-09-20&tz=America/New_York");
        pages.put("artist page (the top artist)", "/history/artist?name=Artist%200&tz=Europe/Berlin");
        pages.put("recap of a year", "/recap?year=2024&tz=Europe/Berlin");
        pages.put("recap card (SVG) of a year", "/recap.svg?year=2024&tz=Europe/Berlin");
        HttpClient client = HttpClient.newHttpClient();
        String cookie = SESSION + "=" + Sessions.sealed(Sessions.ofListener(listener, "Benchmark Listener"));
        for (Map.Entry<String, String> page : pages.entrySet()) {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create("http://localhost:" + RestAssured.port + page.getValue()))
                    .header("Cookie", cookie)
                    .timeout(Duration.ofMinutes(1))
                    .build();
            long p95 = time("GET " + page.getValue() + " (" + page.getKey() + ")", () -> {
                try {
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, response.statusCode(), page.getValue());
                    return response.body().length();
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            note(
                    "  %s: p95 %s the target of %d ms",
                    page.getKey(), p95 < TARGET_P95_MS ? "within" : "OVER", TARGET_P95_MS);
        }
    }

    private long time(String what, Supplier<?> figure) {
        for (int i = 0; i < 3; i++) {
            figure.get(); // warm-up
        }
        long[] all = new long[RUNS];
        int count = 0;
        long budget = System.nanoTime() + BUDGET_NANOS;
        // Every run, or as many as fit in the budget (at least 5): a slow figure still gets a p95, in bounded time.
        while (count < RUNS && (count < 5 || System.nanoTime() < budget)) {
            writeSomething();
            long started = System.nanoTime();
            figure.get();
            all[count++] = (System.nanoTime() - started) / 1_000;
        }
        long[] runs = Arrays.copyOf(all, count);
        Arrays.sort(runs);
        long p95 = runs[(int) Math.ceil(count * 0.95) - 1];
        note(
                "%s: p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d runs)",
                what, runs[count / 2] / 1000.0, p95 / 1000.0, runs[count - 1] / 1000.0, count);
        return p95 / 1000;
    }

    /* A play of someone else between runs: a database that keeps query results hands none back unread. */
    private void writeSomething() {
        StoredPlays.insertWithoutRollups(
                bystander,
                List.of(new PlayRow(
                        Instant.parse("2023-06-01T00:00:00Z").plusSeconds(writes++),
                        60_000,
                        PlayRow.Kind.TRACK,
                        "spotify:track:b",
                        "Bystander",
                        "B",
                        null,
                        PlayRow.Source.RECORDED)));
    }

    private void note(String format, Object... values) {
        String line = String.format(format, values);
        System.out.println("BENCHMARK " + line);
        report.add(line);
    }
}
