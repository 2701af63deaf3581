package dev.earshot.bench;

import dev.earshot.testing.FakeSpotify;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fake Spotify of the benchmark: the test fakes' canned answers ({@code src/test/resources/spotify}, through
 * {@link FakeSpotify#fixture}) on loopback, with a settable latency and fault, counting every call. Non-blocking
 * (Vert.x timers), so thousands of slow calls in flight cost it nothing.
 *
 * <p>Every sign-in is its own listener: the authorization code {@code C} grants the refresh token {@code rt.C},
 * whose access tokens {@code at.C.n} make {@code /v1/me} answer the user id {@code bench-C}. So a benchmark can sign
 * in many listeners, each cold for the app's caches.
 */
final class BenchSpotify implements AutoCloseable {

    /** What every Web API call answers besides its latency. */
    enum Fault {
        NONE,
        /** 429 with {@code Retry-After: 5} on every Web API call (the token endpoint still answers). */
        TOO_MANY_REQUESTS
    }

    private static final Pattern BEARER = Pattern.compile("Bearer at\\.([^.]+)\\.");
    private static final String ME = FakeSpotify.fixture("me.json");
    private static final String CURRENTLY_PLAYING = FakeSpotify.fixture("currently-playing-track.json");
    private static final String TOP_TRACKS = FakeSpotify.fixture("top-tracks.json");
    private static final String TOP_ARTISTS = FakeSpotify.fixture("top-artists.json");
    private static final String RECENTLY_PLAYED = FakeSpotify.recentlyPlayed();

    private final Vertx vertx;
    private final HttpServer server;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong tokenCalls = new AtomicLong();
    private final AtomicLong tokensIssued = new AtomicLong();
    private volatile long latencyMs;
    private volatile Fault fault = Fault.NONE;

    private BenchSpotify(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    static BenchSpotify start(long latencyMs) throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        BenchSpotify spotify = new BenchSpotify(vertx, vertx.createHttpServer());
        spotify.latencyMs = latencyMs;
        spotify.server
                .requestHandler(spotify::handle)
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        return spotify;
    }

    String url() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    void latency(long millis) {
        latencyMs = millis;
    }

    void fault(Fault fault) {
        this.fault = fault;
    }

    /** Every call so far: token and Web API. */
    long calls() {
        return calls.get();
    }

    long tokenCalls() {
        return tokenCalls.get();
    }

    private void handle(HttpServerRequest request) {
        calls.incrementAndGet();
        if (request.path().equals(FakeSpotify.TOKEN_PATH)) {
            tokenCalls.incrementAndGet();
            request.body().onSuccess(body -> later(request, 200, token(body.toString()), Map.of()));
            return;
        }
        if (fault == Fault.TOO_MANY_REQUESTS) {
            later(
                    request,
                    429,
                    "{\"error\":{\"status\":429,\"message\":\"API rate limit exceeded\"}}",
                    Map.of("Retry-After", "5"));
            return;
        }
        String body = switch (request.path()) {
            case FakeSpotify.ME -> me(request.getHeader("Authorization"));
            case FakeSpotify.CURRENTLY_PLAYING ->
                CURRENTLY_PLAYING.replace("1763900000000", Long.toString(System.currentTimeMillis() - 1000));
            case FakeSpotify.RECENTLY_PLAYED -> RECENTLY_PLAYED;
            case FakeSpotify.TOP_TRACKS -> TOP_TRACKS;
            case FakeSpotify.TOP_ARTISTS -> TOP_ARTISTS;
            default -> null;
        };
        if (body == null) {
            later(request, 404, "{\"error\":{\"status\":404,\"message\":\"Not found\"}}", Map.of());
        } else {
            later(request, 200, body, Map.of());
        }
    }

    /** Answers after the current latency, as Spotify far away would. */
    private void later(HttpServerRequest request, int status, String body, Map<String, String> headers) {
        Runnable answer = () -> {
            request.response().setStatusCode(status).putHeader("Content-Type", "application/json");
            headers.forEach(request.response()::putHeader);
            request.response().end(body);
        };
        long delay = latencyMs;
        if (delay <= 0) {
            answer.run();
        } else {
            vertx.setTimer(delay, id -> answer.run());
        }
    }

    /** Both grants: an authorization code C, or the refresh token rt.C it gave; the listener is C either way. */
    private String token(String form) {
        String listener = "owner";
        for (String pair : form.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            if (name.equals("code")) {
                listener = value;
            } else if (name.equals("refresh_token") && value.startsWith("rt.")) {
                listener = value.substring(3);
            }
        }
        return "{\"access_token\":\"at." + listener + "." + tokensIssued.incrementAndGet()
                + "\",\"token_type\":\"Bearer\",\"scope\":\"user-read-currently-playing user-read-recently-played"
                + " user-top-read\",\"expires_in\":3600,\"refresh_token\":\"rt." + listener + "\"}";
    }

    private static String me(String authorization) {
        Matcher bearer = BEARER.matcher(authorization == null ? "" : authorization);
        String id = bearer.find() ? "bench-" + bearer.group(1) : "bench-unknown";
        return ME.replace("listener-1", id);
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
