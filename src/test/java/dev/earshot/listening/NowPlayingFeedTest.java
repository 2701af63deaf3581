package dev.earshot.listening;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.config.NowPlayingConfig;
import dev.earshot.spotify.AccessTokens;
import dev.earshot.spotify.SpotifyException;
import dev.earshot.spotify.SpotifyWebApi;
import dev.earshot.testing.Eventually;
import dev.earshot.testing.FakeSpotify;
import dev.earshot.testing.InjectSpotify;
import dev.earshot.testing.SettableClock;
import dev.earshot.testing.WireMockSpotify;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the feed itself does on top of its cache, on a clock the test moves: snapshots stamped with the time
 * Spotify answered (so progress can move on while cached), served again within the cache period, refreshed
 * ahead after it, and the last good value marked stale when Spotify fails (R02, R08, R10). The real Web API
 * client talks to the injected WireMock.
 */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
class NowPlayingFeedTest {

    static final Duration CACHE_PERIOD = Duration.ofSeconds(3);
    static final Duration ERROR_BACKOFF = Duration.ofSeconds(5);

    @InjectSpotify
    FakeSpotify spotify;

    @Inject
    SpotifyWebApi web;

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-30T10:00:00Z"));
    private final AccessTokens tokens = AccessTokens.fixed("access-feed");
    private final String listener = "listener-" + UUID.randomUUID();
    private NowPlayingFeed feed;

    @BeforeEach
    void newFeed() {
        spotify.resetWithSampleListener();
        feed = new NowPlayingFeed(web, clock, new FixedConfig(), new SimpleMeterRegistry(), seen -> {});
    }

    @AfterEach
    void noQuietPeriodLeftBehind() {
        FakeSpotify.endQuietPeriod();
    }

    @Test
    void theFirstLookupWaitsForSpotifyAndStampsTheSnapshotWithTheFeedsClock() {
        NowPlayingSnapshot snapshot = current();

        assertTrue(snapshot.available());
        assertEquals("Night Drive", snapshot.nowPlaying().title());
        assertEquals(clock.instant(), snapshot.fetchedAt());
        assertFalse(snapshot.stale());
        assertNull(snapshot.problem());
        assertEquals(1, playbackCalls());
    }

    @Test
    void r08_withinTheCachePeriodTheSameSnapshotIsServedAndItsProgressMovesOn() {
        Instant fetched = current().fetchedAt();
        clock.advance(Duration.ofSeconds(2));

        NowPlayingSnapshot again = current();
        assertEquals(1, playbackCalls(), "no second call within the cache period");
        assertEquals(fetched, again.fetchedAt());
        assertEquals(83_000 + 2_000, again.progressAt(clock.instant()), "a playing track moves on while cached");
        assertEquals(225_000, again.progressAt(clock.instant().plus(Duration.ofMinutes(10))), "never past the end");
    }

    @Test
    void aPausedTracksProgressStaysPut() {
        spotify.stubApi(FakeSpotify.CURRENTLY_PLAYING, okJson(FakeSpotify.fixture("currently-playing-paused.json")));
        NowPlayingSnapshot snapshot = current();

        assertFalse(snapshot.nowPlaying().isPlaying());
        assertEquals(
                snapshot.nowPlaying().progressMs(),
                snapshot.progressAt(clock.instant().plusSeconds(30)));
    }

    @Test
    void r10_afterTheCachePeriodASlowSpotifyIsNotWaitedForWhileOneCallRefreshes() {
        current();
        spotify.stubApi(
                FakeSpotify.CURRENTLY_PLAYING,
                okJson(FakeSpotify.fixture("currently-playing-episode.json"))
                        .withFixedDelay(700)); // past the 250 ms patience, within the 1 s read timeout
        clock.advance(CACHE_PERIOD.plusSeconds(1));

        long started = System.nanoTime();
        assertEquals("Night Drive", current().nowPlaying().title(), "the known value, not Spotify's slow answer");
        assertTrue((System.nanoTime() - started) / 1_000_000 < 600, "waited at most the refresh's patience");
        assertEquals("Night Drive", current().nowPlaying().title(), "served at once while the call runs");
        Eventually.within(
                Duration.ofSeconds(5),
                "the refresh-ahead call",
                () -> current().nowPlaying().isEpisode());
        NowPlayingSnapshot refreshed = current();
        assertEquals(clock.instant(), refreshed.fetchedAt());
        assertFalse(refreshed.stale());
        assertEquals(2, playbackCalls(), "one call for the refresh, however many lookups");
    }

    @Test
    void r10_afterTheCachePeriodAPromptSpotifyAnswerReachesTheLookupThatAskedForIt() {
        current();
        spotify.stubApi(FakeSpotify.CURRENTLY_PLAYING, okJson(FakeSpotify.fixture("currently-playing-episode.json")));
        clock.advance(CACHE_PERIOD.plusSeconds(1));

        assertTrue(current().nowPlaying().isEpisode(), "a lone viewer sees what Spotify says now, not one poll ago");
        assertEquals(2, playbackCalls());
    }

    @Test
    void r02_aServerErrorServesTheLastGoodValueMarkedStaleAndBacksOff() {
        current();
        spotify.stubApi(FakeSpotify.CURRENTLY_PLAYING, FakeSpotify.spotifyError(503, "Service unavailable"));
        clock.advance(CACHE_PERIOD.plusSeconds(1));
        current();

        Eventually.within(
                Duration.ofSeconds(5), "the failed refresh", () -> current().stale());
        NowPlayingSnapshot stale = current();
        assertEquals("Night Drive", stale.nowPlaying().title(), "the last good value");
        assertEquals(Problem.UNAVAILABLE, stale.problem());
        assertEquals(2, playbackCalls());

        clock.advance(ERROR_BACKOFF.minusSeconds(1));
        assertTrue(current().stale());
        assertEquals(2, playbackCalls(), "no call during the error backoff");
    }

    @Test
    void r02_aRateLimitServesStaleUntilRetryAfterHasPassed() {
        current();
        spotify.stubApi(
                FakeSpotify.CURRENTLY_PLAYING,
                FakeSpotify.spotifyError(429, "API rate limit exceeded").withHeader("Retry-After", "20"));
        clock.advance(CACHE_PERIOD.plusSeconds(1));
        current();

        Eventually.within(
                Duration.ofSeconds(5),
                "the rate-limited refresh",
                () -> current().stale());
        assertEquals(Problem.RATE_LIMITED, current().problem());
        FakeSpotify.endQuietPeriod();
        clock.advance(Duration.ofSeconds(15));
        current();
        assertEquals(2, playbackCalls(), "the feed itself waits Retry-After, beyond its error backoff");
    }

    @Test
    void r02_nothingKnownAndSpotifyFailingIsUnavailableNotAnError() {
        spotify.stubApi(FakeSpotify.CURRENTLY_PLAYING, aResponse().withStatus(502));
        NowPlayingSnapshot snapshot = current();

        assertFalse(snapshot.available());
        assertTrue(snapshot.stale());
        assertEquals(Problem.UNAVAILABLE, snapshot.problem());
        assertEquals(clock.instant(), snapshot.fetchedAt());
    }

    @Test
    void aRejectedSignInFailsTheLookupOfThatSession() {
        spotify.stubApi(FakeSpotify.CURRENTLY_PLAYING, FakeSpotify.spotifyError(401, "Invalid access token"));
        CompletionException thrown = assertThrows(
                CompletionException.class,
                () -> feed.current(listener, tokens).toCompletableFuture().join());
        assertInstanceOf(SpotifyException.Unauthorized.class, SpotifyException.unwrap(thrown));
    }

    private NowPlayingSnapshot current() {
        return feed.current(listener, tokens).toCompletableFuture().join();
    }

    private int playbackCalls() {
        return spotify.apiCalls(FakeSpotify.CURRENTLY_PLAYING);
    }

    /** The feed's settings, fixed for the test whatever the test profile says. */
    private static final class FixedConfig implements NowPlayingConfig {

        @Override
        public Duration pollInterval() {
            return Duration.ofSeconds(5);
        }

        @Override
        public Duration cachePeriod() {
            return CACHE_PERIOD;
        }

        @Override
        public Duration errorBackoff() {
            return ERROR_BACKOFF;
        }
    }
}
