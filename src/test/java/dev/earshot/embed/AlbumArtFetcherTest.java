package dev.earshot.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.earshot.config.ImageConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Album art comes only from allowed origins, as a raster image, small and quick enough (S23). */
class AlbumArtFetcherTest {

    private static final Duration TIMEOUT = Duration.ofMillis(500);
    private static final int MAX_BYTES = 64 * 1024;
    private static final byte[] PNG = png(1000);
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};

    private record Config(List<String> origins, Duration timeout, int maxBytes) implements ImageConfig {}

    /** How a test path answers. */
    private interface Answer {
        void send(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private ExecutorService serverThreads;
    private HttpServer server;
    private String origin;
    private AlbumArtFetcher fetcher;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serverThreads = Executors.newCachedThreadPool();
        server.setExecutor(serverThreads);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.computeIfAbsent(path, key -> new AtomicInteger()).incrementAndGet();
            try (exchange) {
                answers.getOrDefault(path, reply(404, "text/plain", "not here".getBytes()))
                        .send(exchange);
            } catch (IOException | InterruptedException e) {
                // The client gave up, as it should.
            }
        });
        server.start();
        origin = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        fetcher = new AlbumArtFetcher(new Config(List.of(origin), TIMEOUT, MAX_BYTES));
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        serverThreads.shutdownNow();
    }

    @Test
    void anImageBecomesADataUriOfItsType() {
        answers.put("/cover.png", reply(200, "image/png", PNG));
        answers.put("/cover.jpg", reply(200, "image/jpeg; charset=binary", JPEG));
        String png = fetch(origin + "cover.png").orElseThrow();
        assertTrue(png.startsWith("data:image/png;base64,"), png);
        assertArrayEquals(PNG, Base64.getDecoder().decode(png.substring("data:image/png;base64,".length())));
        assertTrue(ImageFormat.isDataUri(png));
        assertTrue(fetch(origin + "cover.jpg").orElseThrow().startsWith("data:image/jpeg;base64,"));
    }

    @Test
    void secondCallComesFromTheCache() {
        answers.put("/cover.png", reply(200, "image/png", PNG));
        answers.put("/missing.png", reply(404, "image/png", PNG));
        assertTrue(fetch(origin + "cover.png").isPresent());
        assertTrue(fetch(origin + "cover.png").isPresent());
        assertEquals(1, count("/cover.png"));
        assertTrue(fetch(origin + "missing.png").isEmpty());
        assertTrue(fetch(origin + "missing.png").isEmpty());
        assertEquals(1, count("/missing.png"), "failures are cached for a while too");
    }

    @Test
    void concurrentCallsShareOneRequest() {
        answers.put("/popular.png", (exchange) -> {
            Thread.sleep(200);
            reply(200, "image/png", PNG).send(exchange);
        });
        List<CompletableFuture<Optional<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(fetcher.dataUri(origin + "popular.png").toCompletableFuture());
        }
        calls.forEach(call -> assertTrue(call.join().isPresent()));
        assertEquals(1, count("/popular.png"));
    }

    @Test
    void callersCannotSpoilTheCache() {
        answers.put("/cover.png", reply(200, "image/png", PNG));
        fetcher.dataUri(origin + "cover.png").toCompletableFuture().complete(Optional.of("data:text/html,<script>"));
        assertTrue(fetch(origin + "cover.png").orElseThrow().startsWith("data:image/png;base64,"));
    }

    @Test
    void otherOriginsAreNeverAsked() {
        answers.put("/cover.png", reply(200, "image/png", PNG));
        int port = server.getAddress().getPort();
        for (String url : List.of(
                "http://localhost:" + port + "/cover.png",
                "https://127.0.0.1:" + port + "/cover.png",
                "http://127.0.0.1:" + (port == 65535 ? 1 : port + 1) + "/cover.png",
                "http://user@127.0.0.1:" + port + "/cover.png",
                "http://127.0.0.1:" + port + "@localhost:" + port + "/cover.png",
                "http://127.0.0.1:" + port + "\\@localhost/cover.png",
                "https://evil.example/cover.png",
                "https://i.scdn.co/image/abc",
                "file:///etc/passwd",
                "/cover.png",
                "")) {
            assertTrue(fetch(url).isEmpty(), url);
        }
        assertTrue(fetch(null).isEmpty());
        assertEquals(0, count("/cover.png"), "no request was made");
    }

    @Test
    void redirectsAreNotFollowed() {
        answers.put("/cover.png", reply(200, "image/png", PNG));
        answers.put("/moved", exchange -> {
            exchange.getResponseHeaders().set("Location", origin + "cover.png");
            exchange.sendResponseHeaders(302, -1);
        });
        assertTrue(fetch(origin + "moved").isEmpty());
        assertEquals(0, count("/cover.png"));
    }

    @Test
    void onlyRasterImagesAreAccepted() {
        answers.put(
                "/art.svg",
                reply(
                        200,
                        "image/svg+xml",
                        "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>".getBytes()));
        answers.put("/page", reply(200, "text/html", "<html><script>alert(1)</script></html>".getBytes()));
        answers.put("/untyped", reply(200, null, PNG));
        answers.put("/liar.png", reply(200, "image/png", "<html><script>alert(1)</script></html>".getBytes()));
        answers.put("/empty.png", reply(200, "image/png", new byte[0]));
        for (String path : List.of("art.svg", "page", "untyped", "liar.png", "empty.png")) {
            assertTrue(fetch(origin + path).isEmpty(), path);
        }
    }

    @Test
    void errorsGiveNothing() {
        answers.put("/broken.png", reply(500, "image/png", PNG));
        assertTrue(fetch(origin + "broken.png").isEmpty());
        assertTrue(fetch(origin + "nowhere.png").isEmpty());
    }

    @Test
    void tooLargeImagesAreAbandoned() {
        byte[] huge = png(4 * 1024 * 1024);
        answers.put("/declared.png", reply(200, "image/png", huge));
        answers.put("/chunked.png", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write(huge);
        });
        answers.put("/just-right.png", reply(200, "image/png", png(MAX_BYTES)));
        answers.put("/one-too-many.png", reply(200, "image/png", png(MAX_BYTES + 1)));
        assertTrue(fetch(origin + "declared.png").isEmpty());
        assertTrue(fetch(origin + "chunked.png").isEmpty());
        assertTrue(fetch(origin + "just-right.png").isPresent());
        assertTrue(fetch(origin + "one-too-many.png").isEmpty());
    }

    @Test
    void anEndlessBodyIsCutOffAtTheLimitNotTheTimeout() {
        AlbumArtFetcher patient = new AlbumArtFetcher(new Config(List.of(origin), Duration.ofSeconds(10), MAX_BYTES));
        answers.put("/endless.png", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            body.write(PNG);
            byte[] chunk = new byte[8192];
            while (!Thread.currentThread().isInterrupted()) {
                body.write(chunk);
            }
        });
        long start = System.nanoTime();
        assertTrue(patient.dataUri(origin + "endless.png")
                .toCompletableFuture()
                .join()
                .isEmpty());
        assertTrue(elapsed(start).compareTo(Duration.ofSeconds(3)) < 0, "stopped reading: " + elapsed(start));
    }

    @Test
    void slowServersRunIntoTheTimeout() {
        answers.put("/slow.png", exchange -> {
            Thread.sleep(5_000);
            reply(200, "image/png", PNG).send(exchange);
        });
        answers.put("/trickle.png", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            body.write(PNG);
            for (int i = 0; i < 100; i++) {
                body.write(0);
                body.flush();
                Thread.sleep(100);
            }
        });
        for (String path : List.of("slow.png", "trickle.png")) {
            long start = System.nanoTime();
            assertTrue(fetch(origin + path).isEmpty(), path);
            Duration took = elapsed(start);
            assertTrue(took.compareTo(TIMEOUT.plusMillis(700)) < 0, path + " took " + took);
        }
    }

    @Test
    void lookAlikeOriginsAreRefused() {
        ImageOrigins spotify = ImageOrigins.of(List.of("https://i.scdn.co/"));
        for (String url : List.of(
                "https://i.scdn.co.evil.com/image/abc",
                "https://i.scdn.co@evil.com/image/abc",
                "https://evil.com@i.scdn.co/image/abc",
                "https://i.scdn.co\\@evil.com/image/abc",
                "https://i.scdn.co%2Eevil.com/image/abc",
                "https://i.scdn.co./image/abc",
                "https://xi.scdn.co/image/abc",
                "https://evil.com/https://i.scdn.co/image/abc",
                "https://evil.com/?https://i.scdn.co/",
                "http://i.scdn.co/image/abc",
                "https://i.scdn.co:8443/image/abc",
                "//i.scdn.co/image/abc",
                "i.scdn.co/image/abc",
                " https://i.scdn.co/image/abc",
                "https://i.scdn.co/image/a b",
                "javascript:alert(1)//https://i.scdn.co/",
                "data:image/png;base64,iVBORw0KGgo=",
                "ftp://i.scdn.co/image/abc",
                "https://i.scdn.co/" + "a".repeat(3000))) {
            assertTrue(spotify.check(url).isEmpty(), url);
        }
        for (String url : List.of(
                "https://i.scdn.co/image/ab67616d0000b273",
                "https://I.SCDN.CO/image/abc",
                "https://i.scdn.co:443/image/abc",
                "HTTPS://i.scdn.co/image/abc")) {
            assertTrue(spotify.check(url).isPresent(), url);
        }
    }

    @Test
    void onlyBareOriginsCanBeConfigured() {
        ImageOrigins origins = ImageOrigins.of(List.of(
                "https://cdn.example/images/",
                "https://user@other.example/",
                "not a url",
                "http://127.0.0.1:1234",
                " https://ok.example/ "));
        assertTrue(origins.check("https://cdn.example/images/a.png").isEmpty(), "an origin with a path is ignored");
        assertTrue(origins.check("https://other.example/a.png").isEmpty());
        assertTrue(origins.check("http://127.0.0.1:1234/a.png").isPresent(), "explicit http is honoured");
        assertTrue(origins.check("https://ok.example/a.png").isPresent());
    }

    private Optional<String> fetch(String url) {
        return fetcher.dataUri(url)
                .toCompletableFuture()
                .orTimeout(10, TimeUnit.SECONDS)
                .join();
    }

    private int count(String path) {
        AtomicInteger count = requests.get(path);
        return count == null ? 0 : count.get();
    }

    private static Answer reply(int status, String contentType, byte[] body) {
        return exchange -> {
            if (contentType != null) {
                exchange.getResponseHeaders().set("Content-Type", contentType);
            }
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        };
    }

    /** A PNG signature padded to {@code size} bytes: enough for the format check, which is all that reads it. */
    private static byte[] png(int size) {
        byte[] bytes = new byte[size];
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        System.arraycopy(signature, 0, bytes, 0, signature.length);
        return bytes;
    }

    private static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
