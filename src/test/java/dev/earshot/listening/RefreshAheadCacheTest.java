package dev.earshot.listening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.spotify.AccessTokens;
import dev.earshot.spotify.SpotifyException;
import dev.earshot.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** The cache behind every listener read, on a clock moved by hand (R02, R08, R10, R11). */
class RefreshAheadCacheTest {

    static final Duration FRESH = Duration.ofSeconds(30);
    static final Duration BACKOFF = Duration.ofSeconds(5);

    /** Spotify as a list of calls the test answers when it likes, each with the token it was made with. */
    static final class Calls {
        final List<CompletableFuture<String>> answers = new ArrayList<>();
        final List<String> tokens = new ArrayList<>();

        CompletionStage<String> call(AccessTokens tokens) {
            CompletableFuture<String> answer = new CompletableFuture<>();
            this.tokens.add(tokens.current().toCompletableFuture().join());
            answers.add(answer);
            return answer;
        }

        CompletableFuture<String> last() {
            return answers.get(answers.size() - 1);
        }
    }

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-30T10:00:00Z"));
    private final RefreshAheadCache<String, String> cache =
            new RefreshAheadCache<>(clock, FRESH, BACKOFF, Duration.ZERO, Duration.ofHours(1));
    private final Calls spotify = new Calls();

    private CompletableFuture<RefreshAheadCache.Lookup<String>> get(AccessTokens tokens) {
        return cache.get("listener", tokens, spotify::call).toCompletableFuture();
    }

    @Test
    void r08_concurrentColdReadersShareOneCall() {
        var first = get(AccessTokens.fixed("a"));
        var second = get(AccessTokens.fixed("a"));
        assertEquals(1, spotify.answers.size());
        assertFalse(first.isDone());
        spotify.last().complete("v1");
        assertEquals("v1", first.join().cached().value());
        assertEquals("miss", first.join().result());
        assertEquals("v1", second.join().cached().value());
        assertEquals("hit", second.join().result());
        assertEquals("hit", get(AccessTokens.fixed("a")).join().result());
        assertEquals(1, spotify.answers.size(), "fresh for its cache period");
    }

    @Test
    void r10_anOldValueIsServedAtOnceWhileOneBackgroundCallRefreshesIt() {
        get(AccessTokens.fixed("a"));
        spotify.last().complete("v1");
        clock.advance(FRESH.plusSeconds(1));

        var reader = get(AccessTokens.fixed("a"));
        assertTrue(reader.isDone(), "no viewer waits once a value exists");
        assertEquals("v1", reader.join().cached().value());
        assertFalse(reader.join().cached().stale());
        assertEquals(2, spotify.answers.size());
        for (int i = 0; i < 10; i++) {
            assertEquals("v1", get(AccessTokens.fixed("a")).join().cached().value());
        }
        assertEquals(2, spotify.answers.size(), "one background call however many readers");

        spotify.last().complete("v2");
        assertEquals("v2", get(AccessTokens.fixed("a")).join().cached().value());
        assertEquals(
                clock.instant(), get(AccessTokens.fixed("a")).join().cached().fetchedAt());
    }

    @Test
    void r10_theRequestThatStartsTheRefreshGetsTheNewValueWhenSpotifyAnswersWithinThePatience() {
        var patient = new RefreshAheadCache<String, String>(
                clock, FRESH, BACKOFF, Duration.ofSeconds(5), Duration.ofHours(1));
        patient.get("listener", AccessTokens.fixed("a"), spotify::call);
        spotify.last().complete("v1");
        clock.advance(FRESH.plusSeconds(1));

        var starter =
                patient.get("listener", AccessTokens.fixed("a"), spotify::call).toCompletableFuture();
        var other =
                patient.get("listener", AccessTokens.fixed("a"), spotify::call).toCompletableFuture();
        assertFalse(starter.isDone(), "the request that started the refresh waits for it");
        assertTrue(other.isDone(), "every other viewer is answered at once");
        assertEquals("v1", other.join().cached().value());

        spotify.last().complete("v2");
        assertEquals(
                "v2", starter.join().cached().value(), "a lone viewer sees what Spotify says now, not one poll ago");
        assertEquals(2, spotify.answers.size());
    }

    @Test
    void r10_theRequestThatStartsTheRefreshWaitsNoLongerThanThePatience() {
        Duration patience = Duration.ofMillis(200);
        var patient = new RefreshAheadCache<String, String>(clock, FRESH, BACKOFF, patience, Duration.ofHours(1));
        patient.get("listener", AccessTokens.fixed("a"), spotify::call);
        spotify.last().complete("v1");
        clock.advance(FRESH.plusSeconds(1));

        long started = System.nanoTime();
        var starter = patient.get("listener", AccessTokens.fixed("a"), spotify::call)
                .toCompletableFuture()
                .join();
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals("v1", starter.cached().value(), "Spotify still has not answered: the known value");
        assertTrue(
                waitedMillis >= patience.toMillis() - 20 && waitedMillis < patience.toMillis() + 2_000,
                "waited " + waitedMillis + " ms");
        assertFalse(spotify.last().isDone(), "the refresh goes on in the background");
    }

    @Test
    void r02_aFailureKeepsTheLastGoodValueStaleAndPausesCallsForTheBackOffOnly() {
        get(AccessTokens.fixed("a"));
        spotify.last().complete("v1");
        clock.advance(FRESH.plusSeconds(1));
        get(AccessTokens.fixed("a"));
        spotify.last().completeExceptionally(new SpotifyException.Unavailable("Spotify answered 503"));

        Cached<String> stale = get(AccessTokens.fixed("a")).join().cached();
        assertEquals("v1", stale.value());
        assertTrue(stale.stale());
        assertEquals(Problem.UNAVAILABLE, stale.section(clock.instant()).problem());
        assertEquals("v1", stale.section(clock.instant()).value());
        assertEquals(2, spotify.answers.size(), "no call during the back-off");

        clock.advance(BACKOFF);
        get(AccessTokens.fixed("a"));
        assertEquals(3, spotify.answers.size(), "asked again after the back-off, not after the cache period");
        spotify.last().complete("v2");
        assertFalse(get(AccessTokens.fixed("a")).join().cached().stale());
    }

    @Test
    void r02_aFailureWithNothingKnownIsTheProblemNotACachedValue() {
        var reader = get(AccessTokens.fixed("a"));
        spotify.last().completeExceptionally(new SpotifyException.Unavailable("timeout"));
        Section<String> section = reader.join().cached().section(clock.instant());
        assertNull(section.value());
        assertEquals(Problem.UNAVAILABLE, section.problem());
        clock.advance(BACKOFF);
        var again = get(AccessTokens.fixed("a"));
        assertEquals(2, spotify.answers.size());
        spotify.last().complete("v1");
        assertEquals("v1", again.join().cached().value());
    }

    @Test
    void r11_a429SaysHowLongUntilSpotifyIsAskedAgain() {
        var reader = get(AccessTokens.fixed("a"));
        spotify.last().completeExceptionally(new SpotifyException.RateLimited(Duration.ofSeconds(12)));
        assertEquals(
                "Spotify asked us to slow down — back in 12 s.",
                reader.join().cached().section(clock.instant()).message());
        clock.advance(Duration.ofMillis(2500));
        assertEquals(
                "Spotify asked us to slow down — back in 10 s.",
                get(AccessTokens.fixed("a"))
                        .join()
                        .cached()
                        .section(clock.instant())
                        .message());
        assertEquals(1, spotify.answers.size());
        clock.advance(Duration.ofMillis(9500));
        get(AccessTokens.fixed("a"));
        assertEquals(2, spotify.answers.size(), "asked again once Retry-After has passed");
    }

    @Test
    void r04_aSessionEndingFailureStaysWithTheCallerWhoseTokensCausedIt() throws Exception {
        var dead = get(AccessTokens.fixed("dead-token"));
        var alive = get(AccessTokens.fixed("alive-token"));
        assertEquals(1, spotify.answers.size(), "the second caller joined the first one's call");
        spotify.last().completeExceptionally(new SpotifyException.GrantRejected("invalid_grant"));

        ExecutionException failure = Assertions.assertThrows(ExecutionException.class, dead::get);
        assertTrue(SpotifyException.endsSession(failure));
        assertFalse(alive.isDone(), "the other caller tries again with its own token");
        assertEquals("alive-token", spotify.tokens.get(1));
        spotify.last().complete("v1");
        assertEquals("v1", alive.join().cached().value());
    }

    @Test
    void r04_aTokenFoundDeadInABackgroundCallEndsOnlyThatSessionOnItsNextRead() {
        get(AccessTokens.fixed("alive-token"));
        spotify.last().complete("v1");
        clock.advance(FRESH.plusSeconds(1));
        assertEquals("v1", get(AccessTokens.fixed("dead-token")).join().cached().value());
        spotify.last().completeExceptionally(new SpotifyException.Unauthorized("Spotify answered 401"));

        var next = get(AccessTokens.fixed("dead-token"));
        assertTrue(next.isCompletedExceptionally(), "the dead session's next read fails with its dead sign-in");
        var other = get(AccessTokens.fixed("alive-token"));
        assertEquals("v1", other.join().cached().value(), "the other session is served as before");
        assertEquals("alive-token", spotify.tokens.get(spotify.tokens.size() - 1));
    }

    @Test
    void aCallersOwnTokenFailureIsItsOwn() {
        AccessTokens refreshRejected = new AccessTokens() {
            @Override
            public CompletionStage<String> current() {
                return CompletableFuture.failedFuture(new SpotifyException.GrantRejected("invalid_grant"));
            }

            @Override
            public CompletionStage<String> replacing(String rejected) {
                return current();
            }
        };
        assertTrue(get(refreshRejected).isCompletedExceptionally());
        assertEquals(0, spotify.answers.size(), "no shared call was made with it");
        var alive = get(AccessTokens.fixed("alive-token"));
        spotify.last().complete("v1");
        assertSame("v1", alive.join().cached().value());
    }
}
