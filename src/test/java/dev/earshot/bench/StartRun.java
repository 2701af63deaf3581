package dev.earshot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Start to first 200: every server started {@code starts} times, interleaved (so a noisy moment hits all alike), after
 * one unmeasured start each (so the database exists and the files are in the page cache), timed from spawning
 * {@code java} to the port accepting connections and to the first 200 of its now-playing URL.
 */
final class StartRun {

    /** Medians of one server's starts, and each run's time to the first 200. */
    record Figures(
            String name,
            double medianMs,
            List<Double> runsMs,
            double listeningMedianMs,
            double startedInMedianS,
            long rssAfterStart) {}

    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");

    private final Benchmark.Settings settings;
    private final BenchSpotify spotify;

    StartRun(Benchmark.Settings settings, BenchSpotify spotify) {
        this.settings = settings;
        this.spotify = spotify;
    }

    List<Figures> run(List<Server> servers) throws Exception {
        spotify.latency(settings.latencyMs());
        Map<String, List<double[]>> runs = new LinkedHashMap<>();
        for (int round = 0; round <= settings.starts(); round++) {
            for (Server server : servers) {
                try (ServerProcess process = ServerProcess.start(
                        server.command(),
                        server.environment(),
                        Servers.OUT.resolve("start-" + server.slug() + ".log"))) {
                    ServerProcess.Start start = process.awaitStart(server.url(), Duration.ofSeconds(90));
                    long rss = process.rss();
                    if (round > 0) {
                        runs.computeIfAbsent(server.name(), name -> new ArrayList<>())
                                .add(new double[] {
                                    start.first200Ms(), start.listeningMs(), startedIn(process.log()), rss
                                });
                    }
                }
            }
        }
        List<Figures> figures = new ArrayList<>();
        runs.forEach((name, measured) -> {
            List<Double> ms = column(measured, 0);
            figures.add(new Figures(
                    name,
                    BenchHttp.median(ms),
                    ms,
                    BenchHttp.median(column(measured, 1)),
                    BenchHttp.median(column(measured, 2)),
                    (long) BenchHttp.median(column(measured, 3))));
            System.out.printf("   %-34s median %6.0f ms %s%n", name, BenchHttp.median(ms), ms);
        });
        return figures;
    }

    String markdown(List<Figures> starts) {
        StringBuilder md = new StringBuilder(String.format(
                "Each server started %d times, interleaved, after one unmeasured start (so the database exists and the"
                        + " files are in the page cache); from spawning `java` to the first 200 of `/api/now-playing`,"
                        + " which includes its two calls to the fake Spotify (2 × %d ms).%n%n",
                settings.starts(), settings.latencyMs()));
        md.append(
                "| server | median to first 200 | ÷ baseline | port open after | Quarkus \"started in\" | RSS at first"
                        + " 200 | runs |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        double seed = starts.get(0).medianMs();
        for (Figures s : starts) {
            md.append(String.format(
                    "| %s | %.0f ms | %.2fx | %.0f ms | %s | %d MB | %s |%n",
                    s.name(),
                    s.medianMs(),
                    s.medianMs() / seed,
                    s.listeningMedianMs(),
                    Double.isNaN(s.startedInMedianS()) ? "—" : String.format("%.3f s", s.startedInMedianS()),
                    s.rssAfterStart() >> 20,
                    s.runsMs().stream().map(ms -> String.format("%.0f", ms)).toList()));
        }
        return md.toString();
    }

    private static List<Double> column(List<double[]> rows, int index) {
        return rows.stream().map(row -> row[index]).toList();
    }

    private static double startedIn(Path log) {
        try {
            Matcher m = STARTED_IN.matcher(Files.readString(log));
            return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
        } catch (IOException e) {
            return Double.NaN;
        }
    }
}
