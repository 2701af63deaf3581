package dev.earshot.spotify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Turns a raw HTTP answer from Spotify into a body or a {@link SpotifyException}: status codes,
 * Retry-After, timeouts and unreadable JSON all end up as one of a few meanings (R01, R02, R07).
 */
final class SpotifyAnswers {

    private final ObjectMapper json;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final SpotifyQuietPeriod quiet;

    SpotifyAnswers(ObjectMapper json, Clock clock, MeterRegistry metrics, SpotifyQuietPeriod quiet) {
        this.json = json;
        this.clock = clock;
        this.metrics = metrics;
        this.quiet = quiet;
    }

    /**
     * Sends a call to {@code endpoint} (a fixed name such as {@code currently-playing}, never a URL with
     * ids in it); its failure (timeouts, refused connections) becomes Unavailable. Every call is counted
     * by endpoint and status ({@code unreachable} when no answer came), and 429s once more on their own.
     * Every call of the app passes here, so this is where the app-wide quiet period after a 429 is kept
     * (R11): while it runs, no request is sent and the caller learns at once how long is left.
     */
    CompletionStage<Response> send(String endpoint, Supplier<CompletionStage<Response>> request) {
        var remaining = quiet.remaining();
        if (remaining.isPresent()) {
            metrics.counter("earshot.spotify.held.back", "endpoint", endpoint).increment();
            return failed(new SpotifyException.RateLimited(remaining.get()));
        }
        CompletionStage<Response> call;
        try {
            call = request.get();
        } catch (RuntimeException e) {
            countCall(endpoint, null);
            return failed(asSpotifyException(e));
        }
        return call.handle((response, failure) -> {
            countCall(endpoint, failure == null ? response : null);
            if (failure != null) {
                throw asSpotifyException(failure);
            }
            if (response.getStatus() == 429) {
                // With or without Retry-After (QUOTA_EXCEEDED answers may lack it): RetryAfter's default then.
                quiet.holdFor(RetryAfter.parse(response.getHeaderString("Retry-After"), clock.instant()));
            }
            return response;
        });
    }

    private void countCall(String endpoint, Response response) {
        String status = response == null ? "unreachable" : Integer.toString(response.getStatus());
        metrics.counter("earshot.spotify.calls", "endpoint", endpoint, "status", status)
                .increment();
        if (response != null && response.getStatus() == 429) {
            metrics.counter("earshot.spotify.rate.limited", "endpoint", endpoint)
                    .increment();
        }
    }

    /** The body of a 2xx answer, or the exception its status stands for. */
    String successBody(Response response) {
        try (response) {
            int status = response.getStatus();
            if (status >= 200 && status < 300) {
                return response.hasEntity() ? response.readEntity(String.class) : "";
            }
            throw forStatus(response);
        }
    }

    SpotifyException forStatus(Response response) {
        int status = response.getStatus();
        return switch (status) {
            case 401 -> new SpotifyException.Unauthorized("Spotify answered 401");
            case 403 -> new SpotifyException.Forbidden("Spotify answered 403");
            case 429 ->
                new SpotifyException.RateLimited(
                        RetryAfter.parse(response.getHeaderString("Retry-After"), clock.instant()));
            default -> new SpotifyException.Unavailable("Spotify answered " + status);
        };
    }

    <T> T parse(String body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new SpotifyException.Unavailable("Spotify's answer could not be read", e);
        }
    }

    <T> T parse(String body, TypeReference<T> type) {
        try {
            return json.readValue(body, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new SpotifyException.Unavailable("Spotify's answer could not be read", e);
        }
    }

    JsonNode tree(String body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw new SpotifyException.Unavailable("Spotify's answer was not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new SpotifyException.Unavailable("Spotify's answer could not be read", e);
        }
    }

    static boolean isJson(Response response) {
        MediaType type = response.getMediaType();
        return type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE);
    }

    static <T> CompletionStage<T> failed(Throwable failure) {
        return CompletableFuture.failedFuture(failure);
    }

    static SpotifyException asSpotifyException(Throwable failure) {
        Throwable cause = SpotifyException.unwrap(failure);
        if (cause instanceof SpotifyException spotify) {
            return spotify;
        }
        return new SpotifyException.Unavailable(
                "Spotify could not be reached: " + cause.getClass().getSimpleName(), cause);
    }
}
