package dev.earshot.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's own parts behave as the report says: the fake Spotify keeps listeners apart, takes its latency and
 * answers 429 with Retry-After; the baseline makes exactly a token call and a currently-playing call per request and
 * caches nothing, as the seed design did.
 */
class BenchFakesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static BenchSpotify spotify;

    @BeforeAll
    static void start() throws Exception {
        spotify = BenchSpotify.start(0);
    }

    @AfterAll
    static void stop() throws Exception {
        spotify.close();
    }

    @Test
    void eachAuthorizationCodeIsItsOwnListenerThroughRefreshes() throws Exception {
        String granted = post("/api/token", "grant_type=authorization_code&code=ada&redirect_uri=x");
        assertTrue(granted.contains("\"refresh_token\":\"rt.ada\""), granted);
        String refreshed = post("/api/token", "grant_type=refresh_token&refresh_token=rt.ada");
        String token = refreshed.replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        HttpResponse<String> me = get("/v1/me", token);
        assertEquals(200, me.statusCode());
        assertTrue(me.body().contains("\"id\":\"bench-ada\""), me.body());
    }

    @Test
    void answersAfterItsLatencyAndSays429WithRetryAfterWhenToldTo() throws Exception {
        try {
            spotify.latency(300);
            long started = System.nanoTime();
            HttpResponse<String> playing = get("/v1/me/player/currently-playing", "at.x.1");
            assertEquals(200, playing.statusCode());
            assertTrue((System.nanoTime() - started) / 1_000_000 >= 300, "answered before its latency");
            spotify.latency(0);
            spotify.fault(BenchSpotify.Fault.TOO_MANY_REQUESTS);
            HttpResponse<String> limited = get("/v1/me/top/tracks", "at.x.1");
            assertEquals(429, limited.statusCode());
            assertEquals("5", limited.headers().firstValue("Retry-After").orElse(""));
        } finally {
            spotify.latency(0);
            spotify.fault(BenchSpotify.Fault.NONE);
        }
    }

    @Test
    void theBaselineCallsSpotifyTwicePerRequestAndCachesNothing() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Path.of("target", "bench-test", "seed.log");
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                SeedServer.class.getName(),
                Integer.toString(port),
                spotify.url());
        try (ServerProcess seed = ServerProcess.start(command, Map.of(), log)) {
            String url = "http://127.0.0.1:" + port + "/api/now-playing";
            seed.awaitFirst200(url, Duration.ofSeconds(30));
            long before = spotify.calls();
            long tokensBefore = spotify.tokenCalls();
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> answer = HTTP.send(
                        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, answer.statusCode());
                assertTrue(answer.body().contains("\"title\":\"Night Drive\""), answer.body());
            }
            assertEquals(10, spotify.calls() - before);
            assertEquals(5, spotify.tokenCalls() - tokensBefore);

            spotify.fault(BenchSpotify.Fault.TOO_MANY_REQUESTS);
            HttpResponse<String> limited =
                    HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("{\"isPlaying\":false}", limited.body());
        } finally {
            spotify.fault(BenchSpotify.Fault.NONE);
        }
    }

    private static String post(String path, String form) throws IOException, InterruptedException {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(spotify.url() + path))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(spotify.url() + path))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
