package dev.earshot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Executors;

/**
 * The baseline: the design Earshot replaces, reproduced as a tiny server — a now-playing route that, on EVERY
 * request, trades the owner's refresh token for a new access token and then asks Spotify what is playing, with no
 * cache, as the seed's Next.js route did; a failed or empty answer becomes {@code {"isPlaying":false}}. Run as its
 * own process by {@link Benchmark} (so its start and memory are measured like the app's), with the JVM's defaults
 * and a thread per request in flight (the Node event loop never limited the seed's concurrency either).
 *
 * <p>{@code java -cp <test classpath> dev.earshot.bench.SeedServer <port> <spotify-url>}
 */
public final class SeedServer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASIC =
            "Basic " + Base64.getEncoder().encodeToString("seed-client:seed-secret".getBytes(StandardCharsets.UTF_8));

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String spotify;

    private SeedServer(String spotify) {
        this.spotify = spotify;
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        SeedServer seed = new SeedServer(args[1]);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.createContext("/api/now-playing", seed::nowPlaying);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    private void nowPlaying(HttpExchange exchange) throws IOException {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(lookup());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            body = "{\"isPlaying\":false}".getBytes(StandardCharsets.UTF_8);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private JsonNode lookup() throws IOException, InterruptedException {
        HttpResponse<String> token = http.send(
                HttpRequest.newBuilder(URI.create(spotify + "/api/token"))
                        .header("Authorization", BASIC)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token=rt.owner"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String accessToken = JSON.readTree(token.body()).path("access_token").asText();
        HttpResponse<String> playing = http.send(
                HttpRequest.newBuilder(URI.create(spotify + "/v1/me/player/currently-playing"))
                        .header("Authorization", "Bearer " + accessToken)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        ObjectNode answer = JSON.createObjectNode();
        if (playing.statusCode() == 204 || playing.statusCode() >= 400) {
            return answer.put("isPlaying", false);
        }
        JsonNode song = JSON.readTree(playing.body());
        JsonNode item = song.path("item");
        StringBuilder artists = new StringBuilder();
        item.path("artists")
                .forEach(artist -> artists.append(artists.length() == 0 ? "" : ", ")
                        .append(artist.path("name").asText()));
        return answer.put("isPlaying", song.path("is_playing").asBoolean())
                .put("title", item.path("name").asText())
                .put("artist", artists.toString())
                .put("album", item.path("album").path("name").asText())
                .put(
                        "albumImageUrl",
                        item.path("album").path("images").path(0).path("url").asText())
                .put("songUrl", item.path("external_urls").path("spotify").asText());
    }
}
