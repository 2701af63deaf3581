package dev.earshot.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.earshot.owner.OwnerModeTest;
import dev.earshot.testing.CookieNames;
import dev.earshot.testing.FakeSpotify;
import dev.earshot.testing.InjectSpotify;
import dev.earshot.testing.Sessions;
import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/**
 * Fault injection, bounded to about a minute on loopback: steady load on the live JSON endpoints, the
 * dashboard and the card while the fake Spotify cycles through 429s (with and without QUOTA_EXCEEDED),
 * 500s, 3 s answers, connection resets and malformed JSON. No 5xx, no thread or heap growth, and fresh
 * data again within seconds of Spotify's recovery (R01, R02, R07, R09, R10, R11). Figures go to
 * {@code target/fault-injection.md}.
 */
@QuarkusTest
@WithTestResource(
        value = WireMockSpotify.class,
        initArgs = @ResourceArg(name = WireMockSpotify.READ_TIMEOUT, value = "5s"))
@TestProfile(OwnerModeTest.WithOwnerToken.class)
class FaultInjectionTest {

    @InjectSpotify
    FakeSpotify spotify;

    static final Duration PHASE = Duration.ofSeconds(4);
    static final int CLIENTS = 3;
    static final Duration PAUSE_BETWEEN_REQUESTS = Duration.ofMillis(40);
    static final int THREAD_TOLERANCE = 15;
    static final long HEAP_TOLERANCE_BYTES = 48L << 20;
    static final Duration RECOVERY_LIMIT = Duration.ofSeconds(12);
    static final List<String> WEB_API = List.of(
            FakeSpotify.ME,
            FakeSpotify.CURRENTLY_PLAYING,
            FakeSpotify.RECENTLY_PLAYED,
            FakeSpotify.TOP_TRACKS,
            FakeSpotify.TOP_ARTISTS);

    /** One way Spotify misbehaves, on every Web API endpoint at once. */
    record Phase(String name, ResponseDefinitionBuilder answer) {}

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Map<String, Map<Integer, LongAdder>> statuses = new ConcurrentHashMap<>();
    private final AtomicInteger clientFailures = new AtomicInteger();

    @Test
    void underSteadyLoadSpotifysFaultsCostNo5xxNoLeaksAndRecoverWithinSeconds() throws Exception {
        spotify.resetWithSampleListener();
        spotify.stubTokenGrant("owner-access-1", null, 3600);
        String cookie = Sessions.sealed(Sessions.valid("access-fault", "refresh-" + UUID.randomUUID()));
        List<String> paths = List.of("/api/now-playing", "/api/me/now-playing", "/dashboard", "/embed/now-playing.svg");

        List<Phase> phases = List.of(
                new Phase(
                        "429 with Retry-After: 2",
                        FakeSpotify.spotifyError(429, "API rate limit exceeded").withHeader("Retry-After", "2")),
                new Phase(
                        "429 QUOTA_EXCEEDED, no Retry-After",
                        aResponse()
                                .withStatus(429)
                                .withHeader("Content-Type", "application/json")
                                .withBody(
                                        "{\"error\":{\"status\":429,\"message\":\"Too many requests\",\"reason\":\"QUOTA_EXCEEDED\"}}")),
                new Phase("500", FakeSpotify.spotifyError(500, "Server error")),
                new Phase(
                        "3 s answers",
                        okJson(FakeSpotify.fixture("currently-playing-track.json"))
                                .withFixedDelay(3000)),
                new Phase("connection reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
                new Phase("malformed JSON", okJson("{\"items\": [ {\"track\": ")));

        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        Map<String, Long> upstreamPerPhase = new LinkedHashMap<>();
        long threadsBefore;
        long heapBefore;
        long recoveryMs;
        long startedAt = System.nanoTime();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                int first = i;
                clients.add(load.submit(() -> {
                    int next = first;
                    while (running.get()) {
                        request(paths.get(next++ % paths.size()), cookie);
                        Thread.sleep(PAUSE_BETWEEN_REQUESTS.toMillis());
                    }
                    return null;
                }));
            }
            Thread.sleep(PHASE.toMillis()); // healthy warm-up: pools and caches reach their working size
            threadsBefore = liveThreads();
            heapBefore = usedHeapAfterGc();
            upstreamPerPhase.put("healthy", (long) spotify.totalRequests());

            for (Phase phase : phases) {
                int before = spotify.totalRequests();
                for (String path : WEB_API) {
                    spotify.stubApi(path, phase.answer());
                }
                Thread.sleep(PHASE.toMillis());
                upstreamPerPhase.put(phase.name(), (long) spotify.totalRequests() - before);
            }

            int beforeRecovery = spotify.totalRequests();
            spotify.server().resetMappings();
            spotify.stubTokenGrant("owner-access-1", null, 3600);
            spotify.stubApi(FakeSpotify.ME, okJson(FakeSpotify.fixture("me.json")));
            spotify.stubApi(FakeSpotify.CURRENTLY_PLAYING, okJson(FakeSpotify.fixture("currently-playing-track.json")));
            spotify.stubApi(FakeSpotify.RECENTLY_PLAYED, okJson(FakeSpotify.recentlyPlayed()));
            spotify.stubApi(FakeSpotify.TOP_TRACKS, okJson(FakeSpotify.fixture("top-tracks.json")));
            spotify.stubApi(FakeSpotify.TOP_ARTISTS, okJson(FakeSpotify.fixture("top-artists.json")));
            long recoveredAt = System.currentTimeMillis();
            recoveryMs = timeUntilFresh(cookie, recoveredAt);
            upstreamPerPhase.put("recovery", (long) spotify.totalRequests() - beforeRecovery);
        } finally {
            running.set(false);
            for (Future<?> running1 : clients) {
                running1.get();
            }
            load.shutdownNow();
        }
        Thread.sleep(2000); // let background calls and idle connections settle
        long threadsAfter = liveThreads();
        long heapAfter = usedHeapAfterGc();
        long tookS = Duration.ofNanos(System.nanoTime() - startedAt).toSeconds();

        long fiveXx = statuses.values().stream()
                .flatMap(byStatus -> byStatus.entrySet().stream())
                .filter(entry -> entry.getKey() >= 500)
                .mapToLong(entry -> entry.getValue().sum())
                .sum();
        String report = report(
                tookS,
                phases,
                upstreamPerPhase,
                fiveXx,
                threadsBefore,
                threadsAfter,
                heapBefore,
                heapAfter,
                recoveryMs);
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "fault-injection.md"), report);

        assertEquals(0, fiveXx, report);
        assertEquals(0, clientFailures.get(), "requests that got no answer at all\n" + report);
        assertTrue(threadsAfter <= threadsBefore + THREAD_TOLERANCE, report);
        assertTrue(heapAfter <= heapBefore + HEAP_TOLERANCE_BYTES, report);
        assertTrue(recoveryMs >= 0 && recoveryMs <= RECOVERY_LIMIT.toMillis(), report);
    }

    private void request(String path, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .timeout(Duration.ofSeconds(10));
        if (path.startsWith("/dashboard") || path.startsWith("/api/me")) {
            request.header("Cookie", CookieNames.SESSION + "=" + cookie);
        }
        try {
            HttpResponse<Void> answer = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            statuses.computeIfAbsent(path, p -> new ConcurrentHashMap<>())
                    .computeIfAbsent(answer.statusCode(), s -> new LongAdder())
                    .increment();
        } catch (IOException e) {
            clientFailures.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Milliseconds from Spotify's recovery until both live endpoints and the dashboard show fresh data. */
    private long timeUntilFresh(String cookie, long recoveredAt) throws Exception {
        long deadline = recoveredAt + RECOVERY_LIMIT.toMillis() + 5000;
        boolean publicFresh = false;
        boolean ownFresh = false;
        boolean dashboardFresh = false;
        while (System.currentTimeMillis() < deadline) {
            publicFresh = publicFresh || fresh(RestAssured.given().get("/api/now-playing"), recoveredAt);
            ownFresh = ownFresh
                    || fresh(
                            RestAssured.given()
                                    .cookie(CookieNames.SESSION, cookie)
                                    .get("/api/me/now-playing"),
                            recoveredAt);
            dashboardFresh = dashboardFresh
                    || !RestAssured.given()
                            .cookie(CookieNames.SESSION, cookie)
                            .get("/dashboard")
                            .body()
                            .asString()
                            .contains("class=\"problem");
            if (publicFresh && ownFresh && dashboardFresh) {
                return System.currentTimeMillis() - recoveredAt;
            }
            Thread.sleep(100);
        }
        return -1;
    }

    private static boolean fresh(Response answer, long recoveredAt) {
        return answer.statusCode() == 200
                && Boolean.FALSE.equals(answer.path("stale"))
                && ((Number) answer.path("fetchedAt")).longValue() >= recoveredAt;
    }

    private static long liveThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private String report(
            long tookS,
            List<Phase> phases,
            Map<String, Long> upstreamPerPhase,
            long fiveXx,
            long threadsBefore,
            long threadsAfter,
            long heapBefore,
            long heapAfter,
            long recoveryMs) {
        StringBuilder out = new StringBuilder("# Fault injection (FaultInjectionTest)\n\n");
        out.append(String.format(
                "%d client threads, a request every %d ms each, %d s per phase, %d s in all, loopback only.%n%n",
                CLIENTS, PAUSE_BETWEEN_REQUESTS.toMillis(), PHASE.toSeconds(), tookS));
        out.append("Phases (Spotify's Web API answers; token endpoint healthy): healthy warm-up, ")
                .append(String.join(", ", phases.stream().map(Phase::name).toList()))
                .append(", recovery.\n\n");
        out.append("| endpoint | answers by status |\n|---|---|\n");
        statuses.forEach((path, byStatus) -> out.append("| ")
                .append(path)
                .append(" | ")
                .append(byStatus.entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(entry -> entry.getKey() + ": " + entry.getValue().sum())
                        .reduce((a, b) -> a + ", " + b)
                        .orElse(""))
                .append(" |\n"));
        out.append(String.format("%nRequests with no answer at all: %d%n", clientFailures.get()));
        out.append(String.format("5xx answers: %d (target 0)%n", fiveXx));
        out.append(String.format(
                "Live threads: %d before, %d after (tolerance +%d)%n", threadsBefore, threadsAfter, THREAD_TOLERANCE));
        out.append(String.format(
                "Used heap after GC: %.1f MiB before, %.1f MiB after (tolerance +%d MiB)%n",
                heapBefore / 1048576.0, heapAfter / 1048576.0, HEAP_TOLERANCE_BYTES >> 20));
        out.append(String.format(
                "Time back to fresh data after Spotify recovered (public JSON, own JSON, dashboard): %d ms%n",
                recoveryMs));
        out.append("\nUpstream requests reaching the fake Spotify per phase:\n\n");
        upstreamPerPhase.forEach((phase, count) ->
                out.append("- ").append(phase).append(": ").append(count).append('\n'));
        return out.toString();
    }
}
