package dev.earshot.spotify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.earshot.testing.FakeSpotify;
import dev.earshot.testing.InjectSpotify;
import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Spotify client seam on its own: {@code SpotifyWebApi} and {@code SpotifyAccounts} against a local WireMock,
 * each HTTP answer turned into a value or a typed {@link SpotifyException} (R02, R03, R07, R11).
 */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
class SpotifyClientSeamTest {

    @InjectSpotify
    FakeSpotify spotify;

    @Inject
    SpotifyWebApi web;

    @Inject
    SpotifyAccounts accounts;

    @BeforeEach
    void reset() {
        spotify.resetWithSampleListener();
    }

    @AfterEach
    void noQuietPeriodLeftBehind() {
        FakeSpotify.endQuietPeriod();
    }

    // --- Web API ---

    @Test
    void aPlayingTrackIsReadWithTheBearerToken() {
        var playing = join(web.currentlyPlaying(AccessTokens.fixed("token-1"))).orElseThrow();
        assertEquals("track", playing.item().type());
        assertEquals(
                1,
                spotify.server()
                        .countRequestsMatching(getRequestedFor(urlPathEqualTo(FakeSpotify.CURRENTLY_PLAYING))
                                .withHeader("Authorization", equalTo("Bearer token-1"))
                                .withQueryParam("additional_types", equalTo("track,episode"))
                                .build())
                        .getCount());
    }

    @Test
    void r06_noContentIsNothingPlayingNotAnError() {
        spotify.stubApi(FakeSpotify.CURRENTLY_PLAYING, aResponse().withStatus(204));
        assertTrue(join(web.currentlyPlaying(AccessTokens.fixed("token-1"))).isEmpty());
    }

    @Test
    void statusesBecomeTypedExceptions() {
        assertFailsWith(SpotifyException.Forbidden.class, 403);
        assertFailsWith(SpotifyException.Unavailable.class, 500);
        assertFailsWith(SpotifyException.Unavailable.class, 502);
        assertFailsWith(SpotifyException.Unavailable.class, 503);
        assertFailsWith(SpotifyException.Unavailable.class, 404);
    }

    @Test
    void r02_a429CarriesRetryAfterAndHoldsBackTheNextCall() {
        spotify.stubApi(FakeSpotify.TOP_TRACKS, spotify429("7"));
        var limited = assertInstanceOf(
                SpotifyException.RateLimited.class,
                failure(web.topTracks(AccessTokens.fixed("token-1"), "short_term", 10)));
        assertEquals(Duration.ofSeconds(7), limited.retryAfter());

        int before = spotify.totalRequests();
        var heldBack =
                assertInstanceOf(SpotifyException.RateLimited.class, failure(web.me(AccessTokens.fixed("token-1"))));
        assertTrue(heldBack.retryAfter().compareTo(Duration.ofSeconds(7)) <= 0, "what is left of the quiet period");
        assertEquals(before, spotify.totalRequests(), "R11: no request is sent during the quiet period");
    }

    @Test
    void r07_malformedJsonIsUnavailableNotACrash() {
        spotify.stubApi(FakeSpotify.ME, okJson("{\"id\": \"listener-1\", \"display_name\": "));
        assertInstanceOf(SpotifyException.Unavailable.class, failure(web.me(AccessTokens.fixed("token-1"))));
        spotify.stubApi(FakeSpotify.TOP_ARTISTS, okJson("[1, 2, 3]"));
        assertInstanceOf(
                SpotifyException.Unavailable.class,
                failure(web.topArtists(AccessTokens.fixed("token-1"), "short_term", 10)));
    }

    @Test
    void r07_missingAndNullItemsAreSkipped() {
        spotify.stubApi(FakeSpotify.TOP_TRACKS, okJson("{\"items\": [null, {\"id\": \"t1\"}]}"));
        assertEquals(
                List.of("t1"),
                join(web.topTracks(AccessTokens.fixed("token-1"), "short_term", 10)).stream()
                        .map(SpotifyItem::id)
                        .toList());
        spotify.stubApi(FakeSpotify.TOP_ARTISTS, okJson("{}"));
        assertEquals(List.of(), join(web.topArtists(AccessTokens.fixed("token-1"), "short_term", 10)));
    }

    @Test
    void r03_a401IsRefreshedAndRetriedOnceWithTheNewToken() {
        spotify.stub(get(urlPathEqualTo(FakeSpotify.ME))
                .withHeader("Authorization", equalTo("Bearer old"))
                .willReturn(FakeSpotify.spotifyError(401, "The access token expired")));
        CountingTokens tokens = new CountingTokens("old", "new");

        assertEquals("Ada Listener", join(web.me(tokens)).displayName());
        assertEquals(1, tokens.replacements.get(), "one replacement asked for");
        assertEquals(List.of("Bearer old", "Bearer new"), bearersSentTo(FakeSpotify.ME));
    }

    @Test
    void r03_aSecond401IsNotRetriedAgain() {
        spotify.stubApi(FakeSpotify.ME, FakeSpotify.spotifyError(401, "Invalid access token"));
        CountingTokens tokens = new CountingTokens("old", "new");

        assertInstanceOf(SpotifyException.Unauthorized.class, failure(web.me(tokens)));
        assertEquals(1, tokens.replacements.get());
        assertEquals(List.of("Bearer old", "Bearer new"), bearersSentTo(FakeSpotify.ME), "one retry, no loop");
    }

    @Test
    void r03_whenNoReplacementCanBeHadTheFailureIsTheReplacements() {
        spotify.stubApi(FakeSpotify.ME, FakeSpotify.spotifyError(401, "Invalid access token"));
        assertInstanceOf(SpotifyException.Unauthorized.class, failure(web.me(AccessTokens.fixed("old"))));
        assertEquals(1, spotify.apiCalls(FakeSpotify.ME));
    }

    // --- Accounts ---

    @Test
    void aRefreshGrantReadsTheTokensAndKeepsTheOldRefreshTokenWhenNoneIsSent() {
        spotify.stubTokenGrant("access-2", null, 3600);
        TokenGrant grant = join(accounts.refresh("refresh-1"));
        assertEquals("access-2", grant.accessToken());
        assertNull(grant.refreshToken(), "Spotify kept the old refresh token");
        assertTrue(grant.expiresAt().isAfter(Instant.now().plusSeconds(3500)));
    }

    @Test
    void invalidGrantIsAGrantRejection() {
        spotify.stubTokenError(400, "invalid_grant");
        var rejected = assertInstanceOf(SpotifyException.GrantRejected.class, failure(accounts.refresh("revoked")));
        assertTrue(rejected.isInvalidGrant());
    }

    @Test
    void r07_aTokenAnswerThatIsNotJsonOrIncompleteIsUnavailable() {
        spotify.stub(post(urlPathEqualTo(FakeSpotify.TOKEN_PATH))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html>maintenance</html>")));
        assertInstanceOf(SpotifyException.Unavailable.class, failure(accounts.refresh("refresh-1")));
        spotify.stub(post(urlPathEqualTo(FakeSpotify.TOKEN_PATH))
                .willReturn(okJson("{\"access_token\":\"a\",\"token_type\":\"Bearer\"}")));
        assertInstanceOf(SpotifyException.Unavailable.class, failure(accounts.refresh("refresh-1")));
        spotify.stub(post(urlPathEqualTo(FakeSpotify.TOKEN_PATH)).willReturn(okJson("{\"access_token\":")));
        assertInstanceOf(SpotifyException.Unavailable.class, failure(accounts.refresh("refresh-1")));
    }

    @Test
    void r02_theTokenEndpointsRateLimitCarriesRetryAfter() {
        spotify.stub(post(urlPathEqualTo(FakeSpotify.TOKEN_PATH)).willReturn(spotify429("11")));
        var limited = assertInstanceOf(SpotifyException.RateLimited.class, failure(accounts.refresh("refresh-1")));
        assertEquals(Duration.ofSeconds(11), limited.retryAfter());
    }

    @Test
    void theTokenEndpointsServerErrorIsUnavailable() {
        spotify.stub(post(urlPathEqualTo(FakeSpotify.TOKEN_PATH))
                .willReturn(aResponse().withStatus(503)));
        assertInstanceOf(SpotifyException.Unavailable.class, failure(accounts.refresh("refresh-1")));
    }

    private void assertFailsWith(Class<? extends SpotifyException> expected, int status) {
        spotify.stubApi(FakeSpotify.RECENTLY_PLAYED, FakeSpotify.spotifyError(status, "status " + status));
        assertInstanceOf(expected, failure(web.recentlyPlayed(AccessTokens.fixed("token-1"), 20)), "status " + status);
    }

    private static ResponseDefinitionBuilder spotify429(String retryAfter) {
        return FakeSpotify.spotifyError(429, "API rate limit exceeded").withHeader("Retry-After", retryAfter);
    }

    private List<String> bearersSentTo(String path) {
        return spotify.server().findAll(getRequestedFor(urlPathEqualTo(path))).stream()
                .map(request -> request.getHeader("Authorization"))
                .toList();
    }

    private static <T> T join(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    private static Throwable failure(CompletionStage<?> stage) {
        CompletionException thrown = assertThrows(
                CompletionException.class, () -> stage.toCompletableFuture().join());
        return SpotifyException.unwrap(thrown);
    }

    /** Hands out {@code first}, then {@code replacement} once asked to replace it; counts the asks. */
    private static final class CountingTokens implements AccessTokens {

        private final String first;
        private final String replacement;
        final AtomicInteger replacements = new AtomicInteger();

        CountingTokens(String first, String replacement) {
            this.first = first;
            this.replacement = replacement;
        }

        @Override
        public CompletionStage<String> current() {
            return CompletableFuture.completedFuture(first);
        }

        @Override
        public CompletionStage<String> replacing(String rejected) {
            replacements.incrementAndGet();
            return CompletableFuture.completedFuture(replacement);
        }
    }
}
