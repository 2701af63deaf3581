package dev.earshot.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark behind {@code bench/run.sh} (README, "Measured performance"): a fake Spotify ({@link BenchSpotify})
 * with latency and faults, the baseline ({@link SeedServer}) and the packaged app started the way the container runs
 * it ({@link Servers}), all on loopback, with wrk as the load ({@link LoadRun}), then the start-up aids ({@link
 * StartRun}) and the dashboard ({@link DashboardRun}). Writes {@code target/bench/report.md} and {@code report.json}
 * with every figure beside the baseline's, taking in the import and history-page reports when {@code bench/run.sh} made
 * them first.
 */
public final class Benchmark {

    /** The memory of the container the benchmark runs Earshot as (its heap follows from docker/jvm.options). */
    public static final String CONTAINER_MEMORY = "128m";

    /** How long and how hard: {@code bench/run.sh} passes its options through ({@code --duration=20} and so on). */
    record Settings(
            Duration duration, int connections, long latencyMs, long dashboardLatencyMs, int starts, boolean jfr) {

        static Settings parse(String[] args) {
            Map<String, String> options = new LinkedHashMap<>();
            for (String arg : args) {
                String[] pair = arg.replaceFirst("^--", "").split("=", 2);
                options.put(pair[0], pair.length > 1 ? pair[1] : "true");
            }
            return new Settings(
                    Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", "20"))),
                    Integer.parseInt(options.getOrDefault("connections", "50")),
                    Long.parseLong(options.getOrDefault("latency", "50")),
                    Long.parseLong(options.getOrDefault("dashboard-latency", "100")),
                    Integer.parseInt(options.getOrDefault("starts", "5")),
                    Boolean.parseBoolean(options.getOrDefault("jfr", "false")));
        }
    }

    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.parse(args);
        Files.createDirectories(Servers.OUT);
        try (BenchSpotify spotify = BenchSpotify.start(settings.latencyMs())) {
            Servers servers = new Servers(spotify);
            LoadRun load = new LoadRun(settings, spotify, new Wrk(Servers.OUT));
            Server earshot = servers.shipped();
            if (settings.jfr()) {
                profile(load, earshot);
                return;
            }
            Report report = new Report()
                    .about("Run " + Instant.now() + " on "
                            + Runtime.getRuntime().availableProcessors() + " cores; load average before: "
                            + BenchHttp.loadAverage() + ".")
                    .about("Fake Spotify latency " + settings.latencyMs() + " ms; wrk " + settings.connections()
                            + " connections, 2 threads, " + settings.duration().toSeconds()
                            + " s after a 5 s warm-up. Earshot runs as the container does: `java @docker/jvm.options"
                            + " -XX:MaxRAM=" + CONTAINER_MEMORY + "` (the ergonomics of a " + CONTAINER_MEMORY
                            + " container), " + earshot.name() + ".");
            Server baseline = servers.baseline();

            System.out.println("== The baseline (seed design) under load");
            LoadRun.Figures seedLoad = load.run(baseline);
            System.out.println("== Earshot under load: " + earshot.name());
            LoadRun.Figures earshotLoad = load.run(earshot);
            System.out.println("== Start to first 200");
            StartRun startRun = new StartRun(settings, spotify);
            List<Server> starting = new ArrayList<>(List.of(baseline));
            starting.addAll(servers.startVariants());
            List<StartRun.Figures> starts = startRun.run(starting);
            System.out.println("== The dashboard at L = " + settings.dashboardLatencyMs() + " ms");
            DashboardRun.Figures dashboard = new DashboardRun(settings, spotify).run(earshot);

            headline(report, seedLoad, earshotLoad, starts, earshot, dashboard, settings);
            report.section(
                    "load",
                    "Under load",
                    load.markdown(seedLoad, earshotLoad),
                    Map.of("baseline", seedLoad, "earshot", earshotLoad));
            report.section("starts", "Start to first 200, by start-up aid", startRun.markdown(starts), starts);
            report.section("dashboard", "The dashboard", DashboardRun.markdown(dashboard), dashboard);
            includeOtherReports(report);
            report.about("Load average after: " + BenchHttp.loadAverage() + ".");
            report.write(Servers.OUT);
            System.out.println(report.markdown());
        }
    }

    /** The table: each figure beside the baseline's, with its target. */
    private static void headline(
            Report report,
            LoadRun.Figures seed,
            LoadRun.Figures earshot,
            List<StartRun.Figures> starts,
            Server shipped,
            DashboardRun.Figures dashboard,
            Settings settings) {
        StartRun.Figures seedStart = starts.get(0);
        StartRun.Figures shippedStart = starts.stream()
                .filter(s -> s.name().equals(shipped.name()))
                .findFirst()
                .orElseThrow();
        double mb = 1 << 20;
        double l = dashboard.latencyMs();
        double seedRate = seed.load().requestsPerSecond();
        double rate = earshot.load().requestsPerSecond();
        report.figure(new Report.Figure(
                        "`/api/now-playing` requests/s",
                        "",
                        seedRate,
                        rate,
                        "≥ 100x the baseline",
                        rate >= 100 * seedRate))
                .figure(new Report.Figure(
                        "p50 latency", "ms", seed.load().p50Ms(), earshot.load().p50Ms(), "—", true))
                .figure(new Report.Figure(
                        "p99 latency",
                        "ms",
                        seed.load().p99Ms(),
                        earshot.load().p99Ms(),
                        "< 10 ms",
                        earshot.load().p99Ms() < 10))
                .figure(new Report.Figure(
                        "upstream calls per request",
                        "",
                        seed.callsPerRequest(),
                        earshot.callsPerRequest(),
                        "< 0.01",
                        earshot.callsPerRequest() < 0.01))
                .figure(new Report.Figure(
                        "failed requests (non-2xx, socket errors)",
                        "",
                        seed.load().failures(),
                        earshot.load().failures(),
                        "0",
                        earshot.load().failures() == 0))
                .figure(new Report.Figure(
                        "start to first 200 of `/api/now-playing` (median)",
                        "ms",
                        seedStart.medianMs(),
                        shippedStart.medianMs(),
                        "≤ 1.0x the baseline",
                        shippedStart.medianMs() <= seedStart.medianMs()))
                .figure(new Report.Figure(
                        "RSS after start", "MB", seed.rssAfterStart() / mb, earshot.rssAfterStart() / mb, "—", true))
                .figure(new Report.Figure(
                        "RSS after load",
                        "MB",
                        seed.rssAfterLoad() / mb,
                        earshot.rssAfterLoad() / mb,
                        "≤ 0.5x the baseline",
                        earshot.rssAfterLoad() <= 0.5 * seed.rssAfterLoad()))
                .figure(new Report.Figure(
                        "peak RSS (high-water mark)", "MB", seed.peakRss() / mb, earshot.peakRss() / mb, "—", true))
                .figure(new Report.Figure(
                        "p99 with Spotify answering in 3 s",
                        "ms",
                        seed.slow().p99Ms(),
                        earshot.slow().p99Ms(),
                        "< 50 ms",
                        earshot.slow().p99Ms() < 50))
                .figure(new Report.Figure(
                        "failed requests with Spotify answering 429",
                        "",
                        seed.tooMany().failures(),
                        earshot.tooMany().failures(),
                        "0",
                        earshot.tooMany().failures() == 0))
                .figure(new Report.Figure(
                        "upstream calls during the 429 run",
                        "",
                        seed.tooManyCalls(),
                        earshot.tooManyCalls(),
                        "≤ one per Retry-After (5 s)",
                        earshot.tooManyCalls() <= settings.duration().toSeconds() / 5 + 1))
                .figure(new Report.Figure(
                        "`/dashboard` p50, cold (× L)",
                        "L",
                        Double.NaN,
                        dashboard.coldP50Ms() / l,
                        "≤ 1.2 L",
                        dashboard.coldP50Ms() <= 1.2 * l))
                .figure(new Report.Figure(
                        "`/dashboard` p50, warm (× L)",
                        "L",
                        Double.NaN,
                        dashboard.warmP50Ms() / l,
                        "≤ 0.2 L",
                        dashboard.warmP50Ms() <= 0.2 * l))
                .figure(new Report.Figure(
                        "upstream calls per warm `/dashboard` view",
                        "",
                        Double.NaN,
                        dashboard.warmCallsPerView(),
                        "≤ 0.2",
                        dashboard.warmCallsPerView() <= 0.2));
    }

    /**
     * {@code --jfr}: only Earshot's load runs, recorded by JDK Flight Recorder (the {@code profile} settings: method
     * samples every 10 ms, allocation samples, GC pauses, thread parking) into target/bench/earshot.jfr.
     */
    private static void profile(LoadRun load, Server earshot) throws Exception {
        load.run(earshot.withJvmFlag(
                earshot.name() + ", profiled",
                "-XX:StartFlightRecording=filename="
                        + Servers.OUT.resolve("earshot.jfr").toAbsolutePath() + ",settings=profile,dumponexit=true"));
        System.out.println("Recorded target/bench/earshot.jfr: e.g. jfr print --events jdk.GarbageCollection,"
                + " jfr view hot-methods, jfr view allocation-by-site");
    }

    /** The reports bench/run.sh's earlier steps wrote: the import, and the history pages on each database. */
    private static void includeOtherReports(Report report) throws IOException {
        Path imports = Servers.OUT.resolve("import.md");
        if (Files.exists(imports)) {
            report.section(
                    "import",
                    "Import of a data export",
                    Files.readString(imports).replaceFirst("^# .*\n", ""),
                    new ObjectMapper()
                            .readTree(Servers.OUT.resolve("import.json").toFile()));
        }
        for (String database : List.of("h2", "postgresql")) {
            Path pages = Servers.OUT.resolve("history-pages-" + database + ".txt");
            if (Files.exists(pages)) {
                List<String> lines = Files.readAllLines(pages);
                report.section(
                        "historyPages_" + database,
                        "History pages at 1,000,000 plays, " + (database.equals("h2") ? "embedded H2" : "PostgreSQL"),
                        "```\n" + String.join("\n", lines) + "\n```",
                        lines);
            }
        }
    }
}
