package dev.earshot.spotify;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The Web API endpoints Earshot reads, with Spotify's statuses turned into meaning and one
 * refresh-and-retry when a token is rejected (R03).
 */
@ApplicationScoped
public class SpotifyWebApi {

    private static final TypeReference<SpotifyPage<SpotifyItem>> TRACK_PAGE = new TypeReference<>() {};
    private static final TypeReference<SpotifyPage<SpotifyArtist>> ARTIST_PAGE = new TypeReference<>() {};
    private static final TypeReference<SpotifyPage<SpotifyPlayHistory>> HISTORY_PAGE = new TypeReference<>() {};

    private final SpotifyAnswers answers;
    private final LazyRestClient<WebApiClient> client;

    SpotifyWebApi(
            SpotifyEndpoints endpoints,
            ObjectMapper json,
            Clock clock,
            MeterRegistry metrics,
            SpotifyQuietPeriod quiet) {
        this.answers = new SpotifyAnswers(json, clock, metrics, quiet);
        this.client = new LazyRestClient<>(WebApiClient.class, endpoints::apiUrl, endpoints);
    }

    public CompletionStage<SpotifyUser> me(AccessTokens tokens) {
        return authorized("me", tokens, bearer -> client.get().me(bearer))
                .thenApply(body -> answers.parse(body, SpotifyUser.class));
    }

    /** What is playing now, tracks and episodes; empty for a 204 (nothing playing, private session). */
    public CompletionStage<Optional<SpotifyCurrentlyPlaying>> currentlyPlaying(AccessTokens tokens) {
        return authorized("currently-playing", tokens, bearer -> client.get().currentlyPlaying(bearer, "track,episode"))
                .thenApply(body -> body.isBlank()
                        ? Optional.empty()
                        : Optional.of(answers.parse(body, SpotifyCurrentlyPlaying.class)));
    }

    public CompletionStage<List<SpotifyPlayHistory>> recentlyPlayed(AccessTokens tokens, int limit) {
        return recentlyPlayed(tokens, limit, null);
    }

    /** Recently played after {@code afterMs} (unix ms, exclusive; null for the newest), as the recorder pages it. */
    public CompletionStage<List<SpotifyPlayHistory>> recentlyPlayed(AccessTokens tokens, int limit, Long afterMs) {
        return authorized("recently-played", tokens, bearer -> client.get().recentlyPlayed(bearer, limit, afterMs))
                .thenApply(body -> items(answers.parse(body, HISTORY_PAGE)));
    }

    /** Top tracks for {@code timeRange} ({@code short_term}, {@code medium_term} or {@code long_term}). */
    public CompletionStage<List<SpotifyItem>> topTracks(AccessTokens tokens, String timeRange, int limit) {
        return authorized("top-tracks", tokens, bearer -> client.get().top(bearer, "tracks", timeRange, limit))
                .thenApply(body -> items(answers.parse(body, TRACK_PAGE)));
    }

    public CompletionStage<List<SpotifyArtist>> topArtists(AccessTokens tokens, String timeRange, int limit) {
        return authorized("top-artists", tokens, bearer -> client.get().top(bearer, "artists", timeRange, limit))
                .thenApply(body -> items(answers.parse(body, ARTIST_PAGE)));
    }

    private static <T> List<T> items(SpotifyPage<T> page) {
        if (page == null || page.items() == null) {
            return List.of();
        }
        return page.items().stream().filter(Objects::nonNull).toList();
    }

    /** Calls with the current token; on a 401 asks once for a replacement and retries once. */
    private CompletionStage<String> authorized(
            String endpoint, AccessTokens tokens, Function<String, CompletionStage<Response>> call) {
        return tokens.current()
                .thenCompose(token -> body(endpoint, call, token)
                        .exceptionallyCompose(failure -> SpotifyException.unwrap(failure)
                                        instanceof SpotifyException.Unauthorized
                                ? tokens.replacing(token).thenCompose(replacement -> body(endpoint, call, replacement))
                                : SpotifyAnswers.failed(failure)));
    }

    private CompletionStage<String> body(
            String endpoint, Function<String, CompletionStage<Response>> call, String token) {
        return answers.send(endpoint, () -> call.apply("Bearer " + token)).thenApply(answers::successBody);
    }
}
