package dev.earshot.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark behind {@code bench/run.sh} (README, "Measured performance"): a fake Spotify ({@link BenchSpotify})
 * with latency and faults, the baseline ({@link SeedServer}) and the packaged app started the way the container runs
 * it (the flags of {@code docker/jvm.options}, the memory of a {@value #CONTAINER_MEMORY} container), all on loopback,
 * with wrk as the load. Writes {@code target/bench/report.md} and {@code report.json}, taking in the import and
 * history-page reports when {@code bench/run.sh} made them first.
 */
public final class Benchmark {

    public static final String CONTAINER_MEMORY = "128m";
    private static final Path OUT = Path.of("target", "bench");
    private static final Path JAR =
            Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
    private static final Path APP_CDS =
            Path.of("target", "quarkus-app", "app-cds.jsa").toAbsolutePath();
    private static final Path JVM_OPTIONS = Path.of("docker", "jvm.options").toAbsolutePath();
    private static final Path AOT_CACHE = OUT.resolve("app.aot").toAbsolutePath();
    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** How long and how hard: {@code bench/run.sh} passes its options through. */
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

    /** A way to start a server: its name and how. */
    private record Variant(String name, List<String> command, Map<String, String> environment, String url) {}

    /** What one server did under the now-playing load, then with Spotify slow, then with Spotify saying 429. */
    record LoadFigures(
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

    /** Start-to-first-200 medians of one variant, with each run's figure. */
    record StartFigures(
            String name, double medianMs, List<Double> runsMs, double startedInMedianS, long rssAfterStart) {}

    /** The dashboard at latency L: the first view of new listeners, then views in a row and views a second apart. */
    record DashboardFigures(
            long latencyMs,
            int listeners,
            double coldP50Ms,
            double coldP95Ms,
            double warmP50Ms,
            double warmP95Ms,
            double warmCallsPerView,
            double pacedP50Ms,
            double pacedCallsPerView) {}

    private final Settings settings;
    private final BenchSpotify spotify;
    private final Wrk wrk;
    private final String java17 =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final String java25 = findJava25();

    private Benchmark(Settings settings, BenchSpotify spotify, Wrk wrk) {
        this.settings = settings;
        this.spotify = spotify;
        this.wrk = wrk;
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.parse(args);
        if (!Files.exists(JAR) || !Files.exists(JVM_OPTIONS)) {
            throw new IllegalStateException(
                    "Run from the repository root after ./mvnw package: " + JAR + ", " + JVM_OPTIONS);
        }
        Files.createDirectories(OUT);
        try (BenchSpotify spotify = BenchSpotify.start(settings.latencyMs())) {
            new Benchmark(settings, spotify, new Wrk(OUT)).run();
        }
    }

    private void run() throws Exception {
        Report report = new Report()
                .about("Run " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors()
                        + " cores; load average before: " + loadAverage() + ".")
                .about("Fake Spotify latency " + settings.latencyMs() + " ms; wrk " + settings.connections()
                        + " connections, 2 threads, " + settings.duration().toSeconds() + " s after a 5 s warm-up;"
                        + " Earshot runs as the container does: `java @docker/jvm.options -XX:MaxRAM="
                        + CONTAINER_MEMORY + "` (the ergonomics of a " + CONTAINER_MEMORY + " container).");
        Variant seed = seedVariant(freePort());
        Variant earshot = shippedVariant();
        if (settings.jfr()) {
            profile(earshot);
            return;
        }

        System.out.println("== The baseline (seed design) under load");
        LoadFigures seedLoad = load(seed);
        System.out.println("== Earshot under load: " + earshot.name());
        LoadFigures earshotLoad = load(earshot);
        System.out.println("== Start to first 200");
        List<StartFigures> starts = starts(seed, earshot);
        System.out.println("== The dashboard at L = " + settings.dashboardLatencyMs() + " ms");
        DashboardFigures dashboard = dashboard(earshot);

        StartFigures seedStart = starts.get(0);
        StartFigures shippedStart = starts.stream()
                .filter(s -> s.name().equals(earshot.name()))
                .findFirst()
                .orElseThrow();
        double mb = 1 << 20;
        double l = dashboard.latencyMs();
        report.figure(new Report.Figure(
                        "`/api/now-playing` requests/s",
                        "",
                        seedLoad.load().requestsPerSecond(),
                        earshotLoad.load().requestsPerSecond(),
                        "≥ 100x the baseline",
                        earshotLoad.load().requestsPerSecond()
                                >= 100 * seedLoad.load().requestsPerSecond()))
                .figure(new Report.Figure(
                        "p50 latency",
                        "ms",
                        seedLoad.load().p50Ms(),
                        earshotLoad.load().p50Ms(),
                        "—",
                        true))
                .figure(new Report.Figure(
                        "p99 latency",
                        "ms",
                        seedLoad.load().p99Ms(),
                        earshotLoad.load().p99Ms(),
                        "< 10 ms",
                        earshotLoad.load().p99Ms() < 10))
                .figure(new Report.Figure(
                        "upstream calls per request",
                        "",
                        seedLoad.callsPerRequest(),
                        earshotLoad.callsPerRequest(),
                        "< 0.01",
                        earshotLoad.callsPerRequest() < 0.01))
                .figure(new Report.Figure(
                        "failed requests (non-2xx, socket errors)",
                        "",
                        seedLoad.load().failures(),
                        earshotLoad.load().failures(),
                        "0",
                        earshotLoad.load().failures() == 0))
                .figure(new Report.Figure(
                        "start to first 200 of `/api/now-playing` (median)",
                        "ms",
                        seedStart.medianMs(),
                        shippedStart.medianMs(),
                        "≤ 1.0x the baseline",
                        shippedStart.medianMs() <= seedStart.medianMs()))
                .figure(new Report.Figure(
                        "RSS after start",
                        "MB",
                        seedLoad.rssAfterStart() / mb,
                        earshotLoad.rssAfterStart() / mb,
                        "—",
                        true))
                .figure(new Report.Figure(
                        "RSS after load",
                        "MB",
                        seedLoad.rssAfterLoad() / mb,
                        earshotLoad.rssAfterLoad() / mb,
                        "≤ 0.5x the baseline",
                        earshotLoad.rssAfterLoad() <= 0.5 * seedLoad.rssAfterLoad()))
                .figure(new Report.Figure(
                        "peak RSS (high-water mark)",
                        "MB",
                        seedLoad.peakRss() / mb,
                        earshotLoad.peakRss() / mb,
                        "—",
                        true))
                .figure(new Report.Figure(
                        "p99 with Spotify answering in 3 s",
                        "ms",
                        seedLoad.slow().p99Ms(),
                        earshotLoad.slow().p99Ms(),
                        "< 50 ms",
                        earshotLoad.slow().p99Ms() < 50))
                .figure(new Report.Figure(
                        "failed requests with Spotify answering 429",
                        "",
                        seedLoad.tooMany().failures(),
                        earshotLoad.tooMany().failures(),
                        "0",
                        earshotLoad.tooMany().failures() == 0))
                .figure(new Report.Figure(
                        "upstream calls during the 429 run",
                        "",
                        seedLoad.tooManyCalls(),
                        earshotLoad.tooManyCalls(),
                        "as few as Retry-After allows",
                        earshotLoad.tooManyCalls() <= settings.duration().toSeconds() / 5 + 2))
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
        report.section(
                "load",
                "Under load",
                loadMarkdown(seedLoad, earshotLoad),
                Map.of("baseline", seedLoad, "earshot", earshotLoad));
        report.section("starts", "Start to first 200, by start-up aid", startsMarkdown(starts), starts);
        report.section("dashboard", "The dashboard", dashboardMarkdown(dashboard), dashboard);
        includeOtherReports(report);
        report.about("Load average after: " + loadAverage() + ".");
        report.write(OUT);
        System.out.println(report.markdown());
    }

    // --- The servers ---------------------------------------------------------------------------------------------

    private Variant seedVariant(int port) {
        return new Variant(
                "baseline (JDK 17, JVM defaults)",
                List.of(
                        java17,
                        "-cp",
                        System.getProperty("java.class.path"),
                        SeedServer.class.getName(),
                        Integer.toString(port),
                        spotify.url()),
                Map.of(),
                "http://127.0.0.1:" + port + "/api/now-playing");
    }

    /** Earshot as the image ships it: JDK 25 with the AOT cache when a JDK 25 is here, else JDK 17 with AppCDS. */
    private Variant shippedVariant() throws Exception {
        if (java25 != null) {
            trainAotCache();
            return earshotVariant("JDK 25 + AOT cache (as shipped)", java25, List.of("-XX:AOTCache=" + AOT_CACHE));
        }
        return earshotVariant("JDK 17 + AppCDS", java17, List.of("-XX:SharedArchiveFile=" + APP_CDS, "-Xshare:auto"));
    }

    private Variant earshotVariant(String name, String java, List<String> aid) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(java, "@" + JVM_OPTIONS, "-XX:MaxRAM=" + CONTAINER_MEMORY));
        command.addAll(aid);
        command.addAll(List.of("-jar", JAR.toString()));
        Path data = Files.createTempDirectory(OUT.toAbsolutePath(), "data-");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPOTIFY_CLIENT_ID", "bench-client");
        env.put("SPOTIFY_CLIENT_SECRET", "bench-secret");
        env.put("SPOTIFY_ACCOUNTS_URL", spotify.url());
        env.put("SPOTIFY_API_URL", spotify.url());
        env.put("SPOTIFY_REDIRECT_URI", "http://127.0.0.1:" + port + "/api/callback");
        env.put("SPOTIFY_REFRESH_TOKEN", "rt.owner");
        env.put("EARSHOT_SESSION_SECRET", "benchmark-only-secret-0123456789abcdefghijklmnop");
        env.put("EARSHOT_SECURE_COOKIES", "false");
        env.put("EARSHOT_DATA_DIR", data.toString());
        // The benchmark signs in dozens of listeners from one address within a minute.
        env.put("EARSHOT_SIGN_IN_RATE_LIMIT", "100000");
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        return new Variant(name, command, env, "http://127.0.0.1:" + port + "/api/now-playing");
    }

    /**
     * The JDK's AOT cache is written when a training run exits: the app started with the shipped flags, one signed-in
     * listener's dashboard, the public JSON and card, then SIGTERM. Kept in target/bench until the jar changes.
     */
    private void trainAotCache() throws Exception {
        if (Files.exists(AOT_CACHE)
                && Files.getLastModifiedTime(AOT_CACHE)
                                .compareTo(Files.getLastModifiedTime(
                                        JAR.getParent().resolve("app")))
                        > 0) {
            return;
        }
        System.out.println("== Training the AOT cache (JDK 25)");
        Variant training = earshotVariant("AOT training", java25, List.of("-XX:AOTCacheOutput=" + AOT_CACHE));
        try (ServerProcess app =
                ServerProcess.start(training.command(), training.environment(), OUT.resolve("aot-training.log"))) {
            app.awaitFirst200(training.url(), Duration.ofSeconds(90));
            String base = base(training);
            String session = signIn(base, "training");
            for (int i = 0; i < 20; i++) {
                get(base + "/dashboard", session);
                get(base + "/api/now-playing", null);
                get(base + "/embed/now-playing.svg", null);
                get(base + "/", null);
            }
        }
        if (!Files.exists(AOT_CACHE)) {
            throw new IllegalStateException("The training run wrote no AOT cache; see target/bench/aot-training.log");
        }
    }

    /**
     * {@code --jfr}: only Earshot's load runs, recorded by JDK Flight Recorder (the {@code profile} settings: method
     * samples every 10 ms, allocation samples, GC pauses, thread parking) into target/bench/earshot.jfr.
     */
    private void profile(Variant earshot) throws Exception {
        List<String> command = new ArrayList<>(earshot.command());
        command.add(
                command.indexOf("-jar"),
                "-XX:StartFlightRecording=filename="
                        + OUT.resolve("earshot.jfr").toAbsolutePath() + ",settings=profile,dumponexit=true");
        load(new Variant(earshot.name() + ", profiled", command, earshot.environment(), earshot.url()));
        System.out.println("Recorded target/bench/earshot.jfr: e.g. jfr print --events jdk.GarbageCollection,"
                + " jfr view hot-methods, jfr view allocation-by-site");
    }

    // --- Load --------------------------------------------------------------------------------------------------------

    private LoadFigures load(Variant variant) throws Exception {
        spotify.latency(settings.latencyMs());
        try (ServerProcess server =
                ServerProcess.start(variant.command(), variant.environment(), OUT.resolve(slug(variant) + ".log"))) {
            server.awaitFirst200(variant.url(), Duration.ofSeconds(90));
            Thread.sleep(1000);
            long rssAfterStart = server.rss();
            wrk.run(variant.url(), settings.connections(), Duration.ofSeconds(5), List.of());
            long before = spotify.calls();
            double cpuBefore = server.cpuSeconds();
            Wrk.Result load = wrk.run(variant.url(), settings.connections(), settings.duration(), List.of());
            double cpuMicros = (server.cpuSeconds() - cpuBefore) * 1e6 / load.requests();
            double callsPerRequest = (double) (spotify.calls() - before) / load.requests();
            long rssAfterLoad = server.rss();
            long peak = server.peakRss();
            print(variant.name() + ", Spotify at " + settings.latencyMs() + " ms", load, callsPerRequest);
            System.out.printf("   %.0f µs of the server's CPU per request%n", cpuMicros);

            spotify.latency(3000);
            before = spotify.calls();
            // Long enough for the baseline to finish a few rounds of two 3 s calls.
            Duration slowRun = settings.duration().compareTo(Duration.ofSeconds(15)) < 0
                    ? Duration.ofSeconds(15)
                    : settings.duration();
            Wrk.Result slow = wrk.run(variant.url(), settings.connections(), slowRun, List.of());
            double slowCalls = (double) (spotify.calls() - before) / slow.requests();
            print(variant.name() + ", Spotify at 3 s", slow, slowCalls);
            spotify.latency(settings.latencyMs());
            Thread.sleep(6000);

            spotify.fault(BenchSpotify.Fault.TOO_MANY_REQUESTS);
            // Let the cached answer age past its period first, so the 429 is met at once.
            Thread.sleep(4000);
            before = spotify.calls();
            Wrk.Result tooMany = wrk.run(variant.url(), settings.connections(), settings.duration(), List.of());
            long tooManyCalls = spotify.calls() - before;
            print(variant.name() + ", Spotify answering 429", tooMany, (double) tooManyCalls / tooMany.requests());
            spotify.fault(BenchSpotify.Fault.NONE);
            return new LoadFigures(
                    rssAfterStart,
                    rssAfterLoad,
                    Math.max(peak, server.peakRss()),
                    load,
                    cpuMicros,
                    callsPerRequest,
                    slow,
                    slowCalls,
                    tooMany,
                    tooManyCalls);
        }
    }

    // --- Start

    /** Every variant started {@code starts} times, interleaved, after one unmeasured start each (migrations, page cache). */
    private List<StartFigures> starts(Variant seed, Variant shipped) throws Exception {
        spotify.latency(settings.latencyMs());
        List<Variant> variants = new ArrayList<>();
        variants.add(seed);
        variants.add(earshotVariant("JDK 17, the JDK's default CDS", java17, List.of("-Xshare:auto")));
        variants.add(
                earshotVariant("JDK 17 + AppCDS", java17, List.of("-XX:SharedArchiveFile=" + APP_CDS, "-Xshare:auto")));
        if (java25 != null) {
            variants.add(earshotVariant("JDK 25, the JDK's default CDS", java25, List.of("-Xshare:auto")));
            variants.add(
                    earshotVariant("JDK 25 + AOT cache (as shipped)", java25, List.of("-XX:AOTCache=" + AOT_CACHE)));
        }
        Map<String, List<double[]>> runs = new LinkedHashMap<>();
        for (int round = 0; round <= settings.starts(); round++) {
            for (Variant variant : variants) {
                try (ServerProcess server = ServerProcess.start(
                        variant.command(), variant.environment(), OUT.resolve("start-" + slug(variant) + ".log"))) {
                    double ms = server.awaitFirst200(variant.url(), Duration.ofSeconds(90));
                    long rss = server.rss();
                    if (round > 0) {
                        runs.computeIfAbsent(variant.name(), name -> new ArrayList<>())
                                .add(new double[] {ms, startedIn(server.log()), rss});
                    }
                }
            }
        }
        List<StartFigures> figures = new ArrayList<>();
        runs.forEach((name, measured) -> {
            List<Double> ms = measured.stream().map(m -> m[0]).toList();
            figures.add(new StartFigures(
                    name,
                    median(ms),
                    ms,
                    median(measured.stream().map(m -> m[1]).toList()),
                    (long) median(measured.stream().map(m -> m[2]).toList())));
            System.out.printf("   %-34s median %6.0f ms %s%n", name, median(ms), ms);
        });
        return figures;
    }

    private static double startedIn(Path log) {
        try {
            Matcher m = STARTED_IN.matcher(Files.readString(log));
            return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    // --- Dashboard

    private DashboardFigures dashboard(Variant variant) throws Exception {
        int listeners = 20;
        int inARow = 10;
        spotify.latency(settings.dashboardLatencyMs());
        try (ServerProcess server =
                ServerProcess.start(variant.command(), variant.environment(), OUT.resolve("dashboard.log"))) {
            server.awaitFirst200(variant.url(), Duration.ofSeconds(90));
            String base = base(variant);
            // Warm the app itself (JIT, templates) on listeners of its own, so "cold" means cold caches, not a cold
            // JVM.
            for (int i = 0; i < 5; i++) {
                String session = signIn(base, "warmup" + i);
                for (int v = 0; v < 20; v++) {
                    get(base + "/dashboard", session);
                }
            }
            List<String> sessions = new ArrayList<>();
            for (int i = 0; i < listeners; i++) {
                sessions.add(signIn(base, "listener" + i));
            }
            List<Double> cold = new ArrayList<>();
            for (String session : sessions) {
                cold.add(timedView(base, session));
            }
            List<Double> warm = new ArrayList<>();
            long before = spotify.calls();
            for (String session : sessions) {
                for (int v = 0; v < inARow; v++) {
                    warm.add(timedView(base, session));
                }
            }
            double warmCalls = (double) (spotify.calls() - before) / warm.size();
            // A person coming back: one view a second, for 15 s, by five listeners.
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
            DashboardFigures figures = new DashboardFigures(
                    settings.dashboardLatencyMs(),
                    listeners,
                    percentile(cold, 50),
                    percentile(cold, 95),
                    percentile(warm, 50),
                    percentile(warm, 95),
                    warmCalls,
                    percentile(paced, 50),
                    pacedCalls);
            System.out.println("   " + figures);
            return figures;
        } finally {
            spotify.latency(settings.latencyMs());
        }
    }

    private static double timedView(String base, String session) throws IOException, InterruptedException {
        long started = System.nanoTime();
        HttpResponse<String> view = get(base + "/dashboard", session);
        double ms = (System.nanoTime() - started) / 1e6;
        if (view.statusCode() != 200) {
            throw new IllegalStateException("/dashboard answered " + view.statusCode());
        }
        return ms;
    }

    /**
     * Signs in as listener {@code code}: /login, then the callback with the state it chose (the fake takes any code).
     * Answers the session's Cookie header.
     */
    private static String signIn(String base, String code) throws IOException, InterruptedException {
        HttpResponse<String> login = get(base + "/login", null);
        String authorize = login.headers().firstValue("Location").orElseThrow();
        Matcher state = Pattern.compile("[?&]state=([^&]+)").matcher(authorize);
        if (!state.find()) {
            throw new IllegalStateException("/login sent no state: " + authorize);
        }
        HttpResponse<String> callback = get(
                base + "/api/callback?code=" + code + "&state=" + state.group(1),
                "earshot_login=" + cookie(login, "earshot_login"));
        return "earshot_session=" + cookie(callback, "earshot_session");
    }

    // --- Other reports

    private static void includeOtherReports(Report report) throws IOException {
        Path imports = OUT.resolve("import.md");
        if (Files.exists(imports)) {
            report.section(
                    "import",
                    "Import of a data export",
                    Files.readString(imports).replaceFirst("^# .*\n", ""),
                    Files.readString(OUT.resolve("import.json")));
        }
        for (String database : List.of("h2", "postgresql")) {
            Path pages = OUT.resolve("history-pages-" + database + ".txt");
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

    // --- Markdown of the sections

    private String loadMarkdown(LoadFigures seed, LoadFigures earshot) {
        StringBuilder md = new StringBuilder(
                "| run | server | req/s | p50 | p90 | p99 | p99.9 | max | failed | upstream calls/request |\n"
                        + "|---|---|---|---|---|---|---|---|---|---|\n");
        row(md, "Spotify at " + settings.latencyMs() + " ms", "baseline", seed.load(), seed.callsPerRequest());
        row(md, "Spotify at " + settings.latencyMs() + " ms", "Earshot", earshot.load(), earshot.callsPerRequest());
        row(md, "Spotify at 3 s", "baseline", seed.slow(), seed.slowCallsPerRequest());
        row(md, "Spotify at 3 s", "Earshot", earshot.slow(), earshot.slowCallsPerRequest());
        row(
                md,
                "Spotify answering 429",
                "baseline",
                seed.tooMany(),
                (double) seed.tooManyCalls() / seed.tooMany().requests());
        row(
                md,
                "Spotify answering 429",
                "Earshot",
                earshot.tooMany(),
                (double) earshot.tooManyCalls() / earshot.tooMany().requests());
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

    private String startsMarkdown(List<StartFigures> starts) {
        StringBuilder md = new StringBuilder(String.format(
                "Each variant started %d times, interleaved, after one unmeasured start (so the database exists and the"
                        + " files are in the page cache); from spawning `java` to the first 200 of `/api/now-playing`,"
                        + " which includes its two calls to the fake Spotify (2 × %d ms).%n%n",
                settings.starts(), settings.latencyMs()));
        md.append(
                "| variant | median to first 200 | ÷ baseline | Quarkus \"started in\" | RSS at first 200 | runs |\n");
        md.append("|---|---|---|---|---|---|\n");
        double seed = starts.get(0).medianMs();
        for (StartFigures s : starts) {
            md.append(String.format(
                    "| %s | %.0f ms | %.2fx | %s | %d MB | %s |%n",
                    s.name(),
                    s.medianMs(),
                    s.medianMs() / seed,
                    Double.isNaN(s.startedInMedianS()) ? "—" : String.format("%.3f s", s.startedInMedianS()),
                    s.rssAfterStart() >> 20,
                    s.runsMs().stream().map(ms -> String.format("%.0f", ms)).toList()));
        }
        return md.toString();
    }

    private static String dashboardMarkdown(DashboardFigures d) {
        return String.format(
                "Fake Spotify latency L = %d ms. %d new listeners signed in, then: their first view each (cold: nothing"
                        + " cached for them), 10 views each in a row (warm), and five of them viewing once a second for"
                        + " 15 s (paced; the now-playing cache lasts 3 s).%n%n"
                        + "| views | p50 | p95 | p50 ÷ L | upstream calls per view |%n|---|---|---|---|---|%n"
                        + "| cold | %.1f ms | %.1f ms | %.2f L | — |%n"
                        + "| warm, in a row | %.1f ms | %.1f ms | %.2f L | %.3f |%n"
                        + "| paced, one a second | %.1f ms | — | %.2f L | %.3f |%n",
                d.latencyMs(),
                d.listeners(),
                d.coldP50Ms(),
                d.coldP95Ms(),
                d.coldP50Ms() / d.latencyMs(),
                d.warmP50Ms(),
                d.warmP95Ms(),
                d.warmP50Ms() / d.latencyMs(),
                d.warmCallsPerView(),
                d.pacedP50Ms(),
                d.pacedP50Ms() / d.latencyMs(),
                d.pacedCallsPerView());
    }

    // --- Small things

    private static void print(String what, Wrk.Result r, double calls) {
        System.out.printf(
                "   %s: %,.0f req/s, p50 %.2f ms, p99 %.2f ms, max %.0f ms, %d failed, %.5f upstream calls/request%n",
                what, r.requestsPerSecond(), r.p50Ms(), r.p99Ms(), r.maxMs(), r.failures(), calls);
    }

    private static String base(Variant variant) {
        return variant.url().substring(0, variant.url().indexOf("/api/"));
    }

    private static String slug(Variant variant) {
        return variant.name().toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static HttpResponse<String> get(String url, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(HttpResponse<?> response, String name) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            if (header.startsWith(name + "=")) {
                return header.substring(name.length() + 1, header.indexOf(';'));
            }
        }
        throw new IllegalStateException(
                "No " + name + " cookie from " + response.uri() + " (" + response.statusCode() + ")");
    }

    private static double median(List<Double> values) {
        return percentile(values, 50);
    }

    private static double percentile(List<Double> values, double percent) {
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(percent / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** The baseline needs its own classes and Jackson, nothing else of the app's classpath. */
    private static String seedClassPath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (entry.endsWith("test-classes") || entry.matches(".*jackson-(core|databind|annotations)-[^/]*\\.jar")) {
                entries.add(entry);
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static String findJava25() {
        String configured = System.getenv("BENCH_JAVA25");
        Path path = Path.of(configured != null ? configured : "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
        return Files.isExecutable(path) ? path.toString() : null;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
