package dev.earshot.spotify;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns a raw HTTP answer from Spotify into a body or a {@link SpotifyException}: status codes,
 * Retry-After, timeouts and unreadable JSON all end up as one of a few meanings (R01, R02, R07).
 */
final class SpotifyAnswers {

    private final ObjectMapper json;
    private final Clock clock;

    SpotifyAnswers(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** Sends a call; its failure (timeouts, refused connections) becomes Unavailable. */
    CompletionStage<Response> send(Supplier<CompletionStage<Response>> request) {
        CompletionStage<Response> call;
        try {
            call = request.get();
        } catch (RuntimeException e) {
            return failed(asSpotifyException(e));
        }
        return call.handle((response, failure) -> {
            if (failure != null) {
                throw asSpotifyException(failure);
            }
            return response;
        });
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
            case 429 -> new SpotifyException.RateLimited(RetryAfter.parse(response.getHeaderString("Retry-After"), clock.instant()));
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
        return new SpotifyException.Unavailable("Spotify could not be reached: " + cause.getClass().getSimpleName(), cause);
    }
}
