package dev.earshot.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.spotify.SpotifyException;
import dev.earshot.spotify.TokenGrant;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The one refresher of sessions and the owner: single-flight, rotation, invalid_grant and the quiet period (R04, R05, R11). */
class TokenRefresherTest {

    private final List<String> calls = new ArrayList<>();
    private final List<CompletableFuture<TokenGrant>> answers = new ArrayList<>();
    private final AtomicReference<Optional<Duration>> quiet = new AtomicReference<>(Optional.empty());
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final TokenRefresher refresher = new TokenRefresher(this::tokenEndpoint, quiet::get, metrics);

    private synchronized CompletionStage<TokenGrant> tokenEndpoint(String refreshToken) {
        calls.add(refreshToken);
        CompletableFuture<TokenGrant> answer = new CompletableFuture<>();
        answers.add(answer);
        return answer;
    }

    private synchronized CompletableFuture<TokenGrant> answer(int call) {
        return answers.get(call);
    }

    private static TokenGrant grant(String access, String rotated) {
        return new TokenGrant(access, Instant.parse("2026-01-01T01:00:00Z"), rotated);
    }

    @Test
    void r05_concurrentCallersOfOneRefreshTokenShareOneCall() throws Exception {
        int callers = 50;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<CompletionStage<TokenGrant>>> asked = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                asked.add(pool.submit(() -> {
                    start.await();
                    return refresher.refresh(TokenRefresher.Account.SESSION, "refresh-1", null);
                }));
            }
            start.countDown();
            List<CompletionStage<TokenGrant>> results = new ArrayList<>();
            for (Future<CompletionStage<TokenGrant>> future : asked) {
                results.add(future.get(5, TimeUnit.SECONDS));
            }
            assertEquals(List.of("refresh-1"), calls);
            answer(0).complete(grant("access-new", null));
            for (CompletionStage<TokenGrant> result : results) {
                assertEquals(
                        "access-new",
                        result.toCompletableFuture().get(5, TimeUnit.SECONDS).accessToken());
            }
            assertEquals(
                    1.0,
                    metrics.counter("earshot.token.refreshes", "account", "session", "outcome", "success")
                            .count());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void r05_theRotatedRefreshTokenIsHandedBack() throws Exception {
        CompletionStage<TokenGrant> result = refresher.refresh(TokenRefresher.Account.OWNER, "refresh-1", null);
        answer(0).complete(grant("access-new", "refresh-2"));
        assertEquals(
                "refresh-2",
                result.toCompletableFuture().get(5, TimeUnit.SECONDS).refreshToken());
    }

    @Test
    void aRequestStillCarryingThePreRefreshTokenGetsTheRememberedResultWithoutACall() throws Exception {
        CompletionStage<TokenGrant> first = refresher.refresh(TokenRefresher.Account.SESSION, "refresh-1", null);
        answer(0).complete(grant("access-new", "refresh-2"));
        first.toCompletableFuture().get(5, TimeUnit.SECONDS);

        TokenGrant late = refresher
                .refresh(TokenRefresher.Account.SESSION, "refresh-1", null)
                .toCompletableFuture()
                .get(5, TimeUnit.SECONDS);

        assertEquals("access-new", late.accessToken());
        assertEquals("refresh-2", late.refreshToken());
        assertEquals(1, calls.size(), "the rotated-away refresh token is not spent again");
    }

    @Test
    void theOwnersResultIsNotRememberedItHoldsItsTokensItself() throws Exception {
        CompletionStage<TokenGrant> first = refresher.refresh(TokenRefresher.Account.OWNER, "refresh-1", null);
        answer(0).complete(grant("access-new", null));
        first.toCompletableFuture().get(5, TimeUnit.SECONDS);

        refresher.refresh(TokenRefresher.Account.OWNER, "refresh-1", null);
        assertEquals(2, calls.size());
    }

    @Test
    void r03_aRememberedResultWhoseAccessTokenWasRejectedIsRefreshedAnew() throws Exception {
        refresher.refresh(TokenRefresher.Account.SESSION, "refresh-1", null);
        answer(0).complete(grant("access-new", null));

        CompletionStage<TokenGrant> again =
                refresher.refresh(TokenRefresher.Account.SESSION, "refresh-1", "access-new");
        assertEquals(2, calls.size());
        answer(1).complete(grant("access-newer", null));
        assertEquals(
                "access-newer",
                again.toCompletableFuture().get(5, TimeUnit.SECONDS).accessToken());
    }

    @Test
    void r04_invalidGrantComesBackAsSuchAndIsCountedRejected() {
        CompletionStage<TokenGrant> result = refresher.refresh(TokenRefresher.Account.OWNER, "refresh-dead", null);
        answer(0).completeExceptionally(new SpotifyException.GrantRejected("invalid_grant"));

        ExecutionException failure = assertThrows(
                ExecutionException.class, () -> result.toCompletableFuture().get(5, TimeUnit.SECONDS));
        SpotifyException.GrantRejected rejected =
                assertInstanceOf(SpotifyException.GrantRejected.class, failure.getCause());
        assertTrue(rejected.isInvalidGrant());
        assertEquals(
                1.0,
                metrics.counter("earshot.token.refreshes", "account", "owner", "outcome", "rejected")
                        .count());
    }

    @Test
    void aFailureIsNotRememberedSoTheNextRequestTriesAgain() throws Exception {
        CompletionStage<TokenGrant> failed = refresher.refresh(TokenRefresher.Account.SESSION, "refresh-1", null);
        answer(0).completeExceptionally(new SpotifyException.Unavailable("Spotify answered 503"));
        assertTrue(failed.toCompletableFuture().isCompletedExceptionally());

        CompletionStage<TokenGrant> retried = refresher.refresh(TokenRefresher.Account.SESSION, "refresh-1", null);
        assertEquals(2, calls.size());
        answer(1).complete(grant("access-new", null));
        assertEquals(
                "access-new",
                retried.toCompletableFuture().get(5, TimeUnit.SECONDS).accessToken());
        assertEquals(
                1.0,
                metrics.counter("earshot.token.refreshes", "account", "session", "outcome", "failed")
                        .count());
    }

    @Test
    void r11_duringTheQuietPeriodARefreshFailsFastWithoutACallAndIsNotRememberedAsAFailure() throws Exception {
        quiet.set(Optional.of(Duration.ofSeconds(30)));
        CompletionStage<TokenGrant> held = refresher.refresh(TokenRefresher.Account.OWNER, "refresh-1", null);

        ExecutionException failure = assertThrows(
                ExecutionException.class, () -> held.toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertInstanceOf(SpotifyException.RateLimited.class, failure.getCause());
        assertEquals(List.of(), calls, "no call while Spotify asked the app to wait");

        quiet.set(Optional.empty());
        CompletionStage<TokenGrant> after = refresher.refresh(TokenRefresher.Account.OWNER, "refresh-1", null);
        assertEquals(1, calls.size(), "the held-back refresh was not remembered as a failure");
        answer(0).complete(grant("access-new", null));
        assertEquals(
                "access-new",
                after.toCompletableFuture().get(5, TimeUnit.SECONDS).accessToken());
    }

    @Test
    void aFailedRefreshLogsNoWarningWithAStackTrace() {
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger caffeine = Logger.getLogger("com.github.benmanes.caffeine");
        caffeine.addHandler(handler);
        try {
            refresher.refresh(TokenRefresher.Account.SESSION, "refresh-1", null);
            answer(0).completeExceptionally(new SpotifyException.Unavailable("Spotify answered 503"));
        } finally {
            caffeine.removeHandler(handler);
        }
        assertEquals(
                List.of(),
                records.stream()
                        .filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                        .toList());
    }
}
