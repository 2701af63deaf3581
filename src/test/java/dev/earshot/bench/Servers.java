package dev.earshot.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How the benchmark starts each server: the baseline with the JVM's defaults, and Earshot's packaged jar as the
 * container runs it — the flags of {@code docker/jvm.options} with the memory of a {@value Benchmark#CONTAINER_MEMORY}
 * container ({@code -XX:MaxRAM}), owner mode on the fake Spotify — with or without a start-up aid.
 */
final class Servers {

    static final Path OUT = Path.of("target", "bench");
    private static final Path JAR =
            Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
    private static final Path APP_CDS = OUT.resolve("app-cds.jsa").toAbsolutePath();
    private static final Path JVM_OPTIONS = Path.of("docker", "jvm.options").toAbsolutePath();
    private static final Path AOT_CACHE = OUT.resolve("app.aot").toAbsolutePath();

    private final BenchSpotify spotify;
    private final String java17 =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final String java25 = findJava25();

    Servers(BenchSpotify spotify) {
        if (!Files.exists(JAR) || !Files.exists(JVM_OPTIONS)) {
            throw new IllegalStateException(
                    "Run from the repository root after ./mvnw package: " + JAR + ", " + JVM_OPTIONS);
        }
        this.spotify = spotify;
    }

    /** The seed design ({@link SeedServer}) on JDK 17 with the JVM's defaults, as the seed had no tuning either. */
    Server baseline() throws IOException {
        int port = BenchHttp.freePort();
        return new Server(
                "baseline (JDK 17, JVM defaults)",
                List.of(
                        java17,
                        "-cp",
                        seedClassPath(),
                        SeedServer.class.getName(),
                        Integer.toString(port),
                        spotify.url()),
                Map.of(),
                "http://127.0.0.1:" + port + "/api/now-playing");
    }

    /** Earshot as the image ships it: JDK 25 with the AOT cache when a JDK 25 is here, else JDK 17 with AppCDS. */
    Server shipped() throws Exception {
        return java25 != null
                ? earshot("JDK 25 + AOT cache (as shipped)", java25, aotCache())
                : earshot("JDK 17 + AppCDS", java17, appCds());
    }

    /** Every way to start Earshot: each JDK here, with and without its start-up aid; the shipped one last. */
    List<Server> startVariants() throws Exception {
        List<Server> variants = new ArrayList<>();
        variants.add(earshot("JDK 17, the JDK's default CDS", java17, List.of("-Xshare:auto")));
        variants.add(earshot("JDK 17 + AppCDS", java17, appCds()));
        if (java25 != null) {
            variants.add(earshot("JDK 25, the JDK's default CDS", java25, List.of("-Xshare:auto")));
            variants.add(shipped());
        }
        return variants;
    }

    /** The flags of the image on JDK 25+, with a cache trained as the image trains it. */
    private List<String> aotCache() throws Exception {
        List<String> flags = List.of("-XX:AOTCache=" + AOT_CACHE, "-XX:AOTMode=auto");
        train(java25, "-XX:AOTCacheOutput=" + AOT_CACHE, AOT_CACHE, flags);
        return flags;
    }

    /**
     * The flags of the image on JDK 17–24, with an archive trained as the image trains it. Not the app-cds.jsa that
     * Quarkus leaves in target/quarkus-app: that one names {@code quarkus-run.jar} relative to that directory, so a
     * JVM started elsewhere silently ignores it.
     */
    private List<String> appCds() throws Exception {
        List<String> flags = List.of("-XX:SharedArchiveFile=" + APP_CDS, "-Xshare:auto");
        train(java17, "-XX:ArchiveClassesAtExit=" + APP_CDS, APP_CDS, flags);
        return flags;
    }

    /**
     * Makes {@code cache} as the image build does — {@code docker/train.sh} (demo mode, a visitor's and a signed-in
     * listener's requests, SIGTERM) with {@code java} and the shipped flags — unless it is newer than the app, then
     * proves that a JVM started with {@code flags} loads the app's start-up classes from it: with "auto" modes, a cache
     * that does not fit is ignored without a word, and the benchmark would time a start without it.
     */
    private static void train(String java, String outputFlag, Path cache, List<String> flags) throws Exception {
        Path app = JAR.getParent().resolve("app");
        if (!Files.exists(cache) || Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(app)) < 0) {
            System.out.println("== Training " + cache.getFileName() + ": docker/train.sh with " + java);
            Files.deleteIfExists(cache);
            Path log = OUT.resolve(cache.getFileName() + "-training.log");
            ProcessBuilder training = new ProcessBuilder("sh", "docker/train.sh", outputFlag)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = training.environment();
            env.keySet()
                    .removeIf(name ->
                            name.startsWith("EARSHOT_") || name.startsWith("SPOTIFY_") || name.startsWith("QUARKUS_"));
            env.put("PATH", Path.of(java).getParent() + File.pathSeparator + env.get("PATH"));
            env.put("EARSHOT_JAR", JAR.toString());
            env.put("JDK_JAVA_OPTIONS", "@" + JVM_OPTIONS + " -XX:MaxRAM=" + Benchmark.CONTAINER_MEMORY);
            Process process = training.start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
            }
            if (process.exitValue() != 0 || !Files.exists(cache)) {
                throw new IllegalStateException("The training run wrote no " + cache.getFileName() + "; see " + log);
            }
        }
        requireUsed(java, cache, flags);
    }

    /** Starts the app once with {@code flags} until it is initialised, and checks where Quarkus's own class came from. */
    private static void requireUsed(String java, Path cache, List<String> flags) throws Exception {
        List<String> command =
                new ArrayList<>(List.of(java, "@" + JVM_OPTIONS, "-XX:MaxRAM=" + Benchmark.CONTAINER_MEMORY));
        command.addAll(flags);
        command.addAll(List.of("-Xlog:class+load=info", "-Dquarkus.appcds.generate=true", "-jar", JAR.toString()));
        ProcessBuilder check = new ProcessBuilder(command).redirectErrorStream(true);
        check.environment().put("EARSHOT_DEMO", "true");
        check.environment()
                .put(
                        "EARSHOT_DATA_DIR",
                        Files.createTempDirectory(OUT.toAbsolutePath(), "check-")
                                .toString());
        Process process = check.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(1, TimeUnit.MINUTES);
        if (!output.contains("io.quarkus.runtime.Application source: shared objects file")) {
            throw new IllegalStateException("The JVM does not use " + cache + " with " + flags);
        }
    }

    private Server earshot(String name, String java, List<String> aid) throws IOException {
        int port = BenchHttp.freePort();
        List<String> command =
                new ArrayList<>(List.of(java, "@" + JVM_OPTIONS, "-XX:MaxRAM=" + Benchmark.CONTAINER_MEMORY));
        command.addAll(aid);
        command.addAll(List.of("-jar", JAR.toString()));
        Files.createDirectories(OUT);
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
        return new Server(name, command, env, "http://127.0.0.1:" + port + "/api/now-playing");
    }

    /** The baseline needs its own classes and Jackson, nothing else of the app's classpath. */
    private static String seedClassPath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith("test-classes") || entry.matches(".*jackson-(core|databind|annotations)-[^/]*\\.jar")) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static String findJava25() {
        String configured = System.getenv("BENCH_JAVA25");
        Path path = Path.of(configured != null ? configured : "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
        return Files.isExecutable(path) ? path.toString() : null;
    }
}
