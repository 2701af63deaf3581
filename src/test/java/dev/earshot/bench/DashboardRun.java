package dev.earshot.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The dashboard with Spotify answering in L ms: new listeners' first view (nothing cached for them: cold), then ten
 * views each in a row (warm), then five of them viewing once a second for 15 s (paced, past the 3 s now-playing
 * cache) — timed whole at the client, with the calls that reached the fake Spotify counted.
 */
final class DashboardRun {

    /** Latencies in milliseconds. */
    record Figures(
            long latencyMs,
            int listeners,
            double coldP50Ms,
            double coldP95Ms,
            double warmP50Ms,
            double warmP95Ms,
            double warmCallsPerView,
            double pacedP50Ms,
            double pacedCallsPerView) {}

    private static final int LISTENERS = 20;
    private static final int IN_A_ROW = 10;

    private final Benchmark.Settings settings;
    private final BenchSpotify spotify;

    DashboardRun(Benchmark.Settings settings, BenchSpotify spotify) {
        this.settings = settings;
        this.spotify = spotify;
    }

    Figures run(Server server) throws Exception {
        spotify.latency(settings.dashboardLatencyMs());
        try (ServerProcess process =
                ServerProcess.start(server.command(), server.environment(), Servers.OUT.resolve("dashboard.log"))) {
            process.awaitFirst200(server.url(), Duration.ofSeconds(90));
            String base = server.base();
            // Warm the app itself (JIT, templates) on listeners of its own, so "cold" means cold caches, not a cold
            // JVM.
            for (int i = 0; i < 5; i++) {
                String session = BenchHttp.signInWithFakeSpotify(base, "warmup" + i);
                for (int v = 0; v < 20; v++) {
                    BenchHttp.get(base + "/dashboard", session);
                }
            }
            List<String> sessions = new ArrayList<>();
            for (int i = 0; i < LISTENERS; i++) {
                sessions.add(BenchHttp.signInWithFakeSpotify(base, "listener" + i));
            }
            List<Double> cold = new ArrayList<>();
            for (String session : sessions) {
                cold.add(timedView(base, session));
            }
            List<Double> warm = new ArrayList<>();
            long before = spotify.calls();
            for (String session : sessions) {
                for (int v = 0; v < IN_A_ROW; v++) {
                    warm.add(timedView(base, session));
                }
            }
            double warmCalls = (double) (spotify.calls() - before) / warm.size();
            List<Double> paced = new ArrayList<>();
            before = spotify.calls();
            for (int second = 0; second < 15; second++) {
                long started = System.nanoTime();
                for (String session : sessions.subList(0, 5)) {
                    paced.add(timedView(base, session));
                }
                Thread.sleep(Math.max(0, 1000 - (System.nanoTime() - started) / 1_000_000));
            }
            double pacedCalls = (double) (spotify.calls() - before) / paced.size();
            Figures figures = new Figures(
                    settings.dashboardLatencyMs(),
                    LISTENERS,
                    BenchHttp.percentile(cold, 50),
                    BenchHttp.percentile(cold, 95),
                    BenchHttp.percentile(warm, 50),
                    BenchHttp.percentile(warm, 95),
                    warmCalls,
                    BenchHttp.percentile(paced, 50),
                    pacedCalls);
            System.out.println("   " + figures);
            return figures;
        } finally {
            spotify.latency(settings.latencyMs());
        }
    }

    static String markdown(Figures d) {
        double l = d.latencyMs();
        return String.format(
                "Fake Spotify latency L = %d ms. %d new listeners signed in, then: their first view each (cold: nothing"
                        + " cached for them), %d views each in a row (warm), and five of them viewing once a second for"
                        + " 15 s (paced; the now-playing cache lasts 3 s).%n%n"
                        + "| views | p50 | p95 | p50 ÷ L | upstream calls per view |%n|---|---|---|---|---|%n"
                        + "| cold | %.1f ms | %.1f ms | %.2f L | — |%n"
                        + "| warm, in a row | %.1f ms | %.1f ms | %.2f L | %.3f |%n"
                        + "| paced, one a second | %.1f ms | — | %.2f L | %.3f |%n",
                d.latencyMs(),
                d.listeners(),
                IN_A_ROW,
                d.coldP50Ms(),
                d.coldP95Ms(),
                d.coldP50Ms() / l,
                d.warmP50Ms(),
                d.warmP95Ms(),
                d.warmP50Ms() / l,
                d.warmCallsPerView(),
                d.pacedP50Ms(),
                d.pacedP50Ms() / l,
                d.pacedCallsPerView());
    }

    private static double timedView(String base, String session) throws IOException, InterruptedException {
        long started = System.nanoTime();
        HttpResponse<String> view = BenchHttp.get(base + "/dashboard", session);
        double ms = (System.nanoTime() - started) / 1e6;
        if (view.statusCode() != 200) {
            throw new IllegalStateException("/dashboard answered " + view.statusCode());
        }
        return ms;
    }
}
