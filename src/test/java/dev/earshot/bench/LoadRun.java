package dev.earshot.bench;

import java.time.Duration;
import java.util.List;

/**
 * One server under wrk's load on its now-playing URL: with Spotify at the benchmark's latency, then answering in 3 s,
 * then answering 429 — counting what reached the fake Spotify and what the server's process used.
 */
final class LoadRun {

    /** What one server did. Memory in bytes. */
    record Figures(
            long rssAfterStart,
            long rssAfterLoad,
            long peakRss,
            Wrk.Result load,
            double cpuMicrosPerRequest,
            double callsPerRequest,
            Wrk.Result slow,
            double slowCallsPerRequest,
            Wrk.Result tooMany,
            long tooManyCalls) {}

    private final Benchmark.Settings settings;
    private final BenchSpotify spotify;
    private final Wrk wrk;

    LoadRun(Benchmark.Settings settings, BenchSpotify spotify, Wrk wrk) {
        this.settings = settings;
        this.spotify = spotify;
        this.wrk = wrk;
    }

    Figures run(Server server) throws Exception {
        spotify.latency(settings.latencyMs());
        try (ServerProcess process = ServerProcess.start(
                server.command(), server.environment(), Servers.OUT.resolve(server.slug() + ".log"))) {
            process.awaitFirst200(server.url(), Duration.ofSeconds(90));
            Thread.sleep(1000);
            long rssAfterStart = process.rss();
            wrk.run(server.url(), settings.connections(), Duration.ofSeconds(5), List.of());
            long before = spotify.calls();
            double cpuBefore = process.cpuSeconds();
            Wrk.Result load = wrk.run(server.url(), settings.connections(), settings.duration(), List.of());
            double cpuMicros = (process.cpuSeconds() - cpuBefore) * 1e6 / load.requests();
            double callsPerRequest = (double) (spotify.calls() - before) / load.requests();
            long rssAfterLoad = process.rss();
            print(server.name() + ", Spotify at " + settings.latencyMs() + " ms", load, callsPerRequest);
            System.out.printf("   %.0f µs of the server's CPU per request%n", cpuMicros);

            spotify.latency(3000);
            before = spotify.calls();
            // Long enough for the baseline to finish a few rounds of two 3 s calls.
            Duration slowRun = settings.duration().compareTo(Duration.ofSeconds(15)) < 0
                    ? Duration.ofSeconds(15)
                    : settings.duration();
            Wrk.Result slow = wrk.run(server.url(), settings.connections(), slowRun, List.of());
            double slowCalls = (double) (spotify.calls() - before) / Math.max(1, slow.requests());
            print(server.name() + ", Spotify at 3 s", slow, slowCalls);
            spotify.latency(settings.latencyMs());
            Thread.sleep(6000);

            spotify.fault(BenchSpotify.Fault.TOO_MANY_REQUESTS);
            // Let the cached answer age past its period first, so the 429 is met at once.
            Thread.sleep(4000);
            before = spotify.calls();
            Wrk.Result tooMany = wrk.run(server.url(), settings.connections(), settings.duration(), List.of());
            long tooManyCalls = spotify.calls() - before;
            print(server.name() + ", Spotify answering 429", tooMany, (double) tooManyCalls / tooMany.requests());
            spotify.fault(BenchSpotify.Fault.NONE);
            return new Figures(
                    rssAfterStart,
                    rssAfterLoad,
                    process.peakRss(),
                    load,
                    cpuMicros,
                    callsPerRequest,
                    slow,
                    slowCalls,
                    tooMany,
                    tooManyCalls);
        }
    }

    String markdown(Figures seed, Figures earshot) {
        StringBuilder md = new StringBuilder(
                "| run | server | req/s | p50 | p90 | p99 | p99.9 | max | failed | upstream calls/request |\n"
                        + "|---|---|---|---|---|---|---|---|---|---|\n");
        String normal = "Spotify at " + settings.latencyMs() + " ms";
        row(md, normal, "baseline", seed.load(), seed.callsPerRequest());
        row(md, normal, "Earshot", earshot.load(), earshot.callsPerRequest());
        row(md, "Spotify at 3 s", "baseline", seed.slow(), seed.slowCallsPerRequest());
        row(md, "Spotify at 3 s", "Earshot", earshot.slow(), earshot.slowCallsPerRequest());
        row(md, "Spotify answering 429", "baseline", seed.tooMany(), perRequest(seed));
        row(md, "Spotify answering 429", "Earshot", earshot.tooMany(), perRequest(earshot));
        md.append(String.format(
                "%nServer CPU per request under the %d ms load (user + system time of its process ÷ requests): baseline"
                        + " %.0f µs, Earshot %.0f µs. Unlike latency, this hardly depends on what else the machine is"
                        + " doing.%n",
                settings.latencyMs(), seed.cpuMicrosPerRequest(), earshot.cpuMicrosPerRequest()));
        md.append(
                "\nThe baseline answers `{\"isPlaying\":false}` with 200 when Spotify fails, as the seed did, so its"
                        + " 429 run shows no failures but no song either; Earshot serves the last song it knew, marked stale.\n");
        return md.toString();
    }

    private static double perRequest(Figures figures) {
        return (double) figures.tooManyCalls() / Math.max(1, figures.tooMany().requests());
    }

    private static void row(StringBuilder md, String run, String server, Wrk.Result r, double calls) {
        md.append(String.format(
                "| %s | %s | %,.0f | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.0f ms | %d | %.5f |%n",
                run,
                server,
                r.requestsPerSecond(),
                r.p50Ms(),
                r.p90Ms(),
                r.p99Ms(),
                r.p999Ms(),
                r.maxMs(),
                r.failures(),
                calls));
    }

    private static void print(String what, Wrk.Result r, double calls) {
        System.out.printf(
                "   %s: %,.0f req/s, p50 %.2f ms, p99 %.2f ms, max %.0f ms, %d failed, %.5f upstream calls/request%n",
                what, r.requestsPerSecond(), r.p50Ms(), r.p99Ms(), r.maxMs(), r.failures(), calls);
    }
}
