package dev.earshot.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.earshot.database.Database;
import dev.earshot.spotify.SpotifyAccounts;
import dev.earshot.spotify.SpotifyException;
import dev.earshot.spotify.TokenGrant;
import dev.earshot.testing.FakeSpotify;
import dev.earshot.testing.HeldRows;
import dev.earshot.testing.InjectSpotify;
import dev.earshot.testing.SettableClock;
import dev.earshot.testing.WireMockSpotify;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Refresh tokens held in the database (R12): two replicas are two {@link HeldTokens} that share nothing but the
 * database — each its own token refresher, its own threads, its own memory — so only the row lock can keep them
 * from spending one single-use refresh token twice.
 */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
@Tag("database")
class HeldTokensTest {

    private static final String SECRET_A = "held-secret-a-0123456789-0123456789-0123456789";
    private static final String SECRET_B = "held-secret-b-0123456789-0123456789-0123456789";

    @InjectSpotify
    FakeSpotify spotify;

    @Inject
    Database database;

    @Inject
    CookieSealer sealer;

    @Inject
    SpotifyAccounts accounts;

    @Inject
    HeldTokens held;

    private final List<ExecutorService> replicaThreads = new java.util.ArrayList<>();
    private String holder;
    private String oldToken;
    private String rotatedToken;

    @BeforeEach
    void reset() {
        spotify.resetWithSampleListener();
        String id = UUID.randomUUID().toString();
        holder = "recorder:held-test-" + id;
        oldToken = "refresh-old-" + id;
        rotatedToken = "refresh-rotated-" + id;
    }

    @AfterEach
    void stopReplicas() {
        replicaThreads.forEach(ExecutorService::shutdownNow);
    }

    @Test
    void r12_twoReplicasRacingToRefreshOneHolderMakeOneTokenCallAndKeepTheRotatedToken() throws Exception {
        // Spotify is slow and the refresh token single-use: the second use of the old one is invalid_grant.
        String scenario = "rotation-" + holder;
        spotify.stub(tokenGrantFor(oldToken)
                .inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(FakeSpotify.tokenAnswer("access-new", rotatedToken, 3600)
                        .withFixedDelay(500))
                .willSetStateTo("used"));
        spotify.stub(tokenGrantFor(oldToken)
                .inScenario(scenario)
                .whenScenarioStateIs("used")
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Invalid refresh token\"}")));
        held.hold(holder, "listener-r12", oldToken, Instant.now());
        HeldTokens replicaA = replica();
        HeldTokens replicaB = replica();

        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<String> a = CompletableFuture.supplyAsync(() -> awaitThen(start, replicaA));
        CompletableFuture<String> b = CompletableFuture.supplyAsync(() -> awaitThen(start, replicaB));
        start.countDown();

        assertEquals("access-new", a.get(10, TimeUnit.SECONDS));
        assertEquals("access-new", b.get(10, TimeUnit.SECONDS), "the waiting replica uses what the other one got");
        assertEquals(1, spotify.tokenCalls(), "exactly one token call");
        assertEquals(Optional.of(rotatedToken), HeldRows.refreshToken(holder), "the rotated token is stored");
        assertTrue(held.find(holder).orElseThrow().rejectedAt().isEmpty());

        // Spotify turns the new access token down: the next refresh spends the rotated token, not the old one.
        spotify.stub(tokenGrantFor(rotatedToken).willReturn(FakeSpotify.tokenAnswer("access-3", null, 3600)));
        assertEquals(
                "access-3",
                replicaB.accessTokens(holder)
                        .replacing("access-new")
                        .toCompletableFuture()
                        .get(5, TimeUnit.SECONDS));
        spotify.server().verify(1, FakeSpotify.tokenRequests().withRequestBody(containing(rotatedToken)));
        assertEquals(Optional.of(rotatedToken), HeldRows.refreshToken(holder), "not rotated again: kept");
    }

    @Test
    void r12_invalidGrantMarksTheTokenRejectedAndNoReplicaTriesAgainUntilItIsHeldAnew() {
        spotify.stubTokenError(400, "invalid_grant");
        held.hold(holder, "listener-r12", oldToken, Instant.now());

        Throwable failure = failureOf(held.accessTokens(holder).current());
        assertInstanceOf(SpotifyException.GrantRejected.class, failure);
        assertTrue(held.find(holder).orElseThrow().rejectedAt().isPresent(), "marked rejected");
        assertInstanceOf(
                SpotifyException.GrantRejected.class,
                failureOf(replica().accessTokens(holder).current()),
                "another replica fails at once too");
        assertEquals(1, spotify.tokenCalls(), "no second try");

        spotify.stubTokenGrant("access-after-sign-in", null, 3600);
        held.hold(holder, "listener-r12", rotatedToken, Instant.now());
        assertTrue(held.find(holder).orElseThrow().rejectedAt().isEmpty(), "holding again clears the mark");
        assertEquals(
                "access-after-sign-in",
                held.accessTokens(holder).current().toCompletableFuture().join());
    }

    @Test
    void aReplicaTakesUpAnAccountHeldAnewOnAnotherWithinAMinuteWithoutATokenCall() {
        spotify.stubTokenGrant("access-first", null, 3600);
        held.hold(holder, "listener-first", oldToken, Instant.now());
        SettableClock time = new SettableClock(Instant.now());
        HeldTokens replica = replica(sealer, time);
        assertEquals(
                "access-first",
                replica.accessTokens(holder).current().toCompletableFuture().join());

        // Reconnected on another replica, with the tokens of its sign-in.
        held.hold(
                holder,
                "listener-second",
                new TokenGrant("access-second", Instant.now().plusSeconds(3600), rotatedToken),
                Instant.now());
        assertEquals(
                "access-first",
                replica.accessTokens(holder).current().toCompletableFuture().join(),
                "known here a while");
        time.advance(HeldTokens.READ_AGAIN_AFTER.plusSeconds(1));
        assertEquals(
                "access-second",
                replica.accessTokens(holder).current().toCompletableFuture().join());
        assertEquals(1, spotify.tokenCalls(), "read from the row, not refreshed");
    }

    @Test
    void findSaysWhatIsHeldWithoutTheTokenAndReleaseForgetsIt() {
        Instant signedIn = Instant.parse("2026-09-01T10:00:00Z");
        held.hold(holder, "listener-find", oldToken, signedIn);
        HeldToken found = held.find(holder).orElseThrow();
        assertEquals(new HeldToken(holder, "listener-find", signedIn, Optional.empty()), found);
        assertFalse(found.toString().contains(oldToken));
        assertFalse(HeldRows.sealedRefreshToken(holder).orElseThrow().contains(oldToken), "sealed");

        held.release(holder);
        assertEquals(Optional.empty(), held.find(holder));
        held.release(holder); // nothing held: no-op
        assertInstanceOf(
                SpotifyException.Unauthorized.class,
                failureOf(held.accessTokens(holder).current()));
        assertEquals(0, spotify.tokenCalls());
    }

    @Test
    void holdIfAbsentNeverReplacesWhatIsHeld() {
        assertTrue(held.holdIfAbsent(holder, "listener-seed", oldToken, null));
        assertFalse(held.holdIfAbsent(holder, "listener-seed", rotatedToken, null));
        assertEquals(Optional.of(oldToken), HeldRows.refreshToken(holder));
    }

    @Test
    void s12_aTokenSealedUnderThePreviousSecretIsSealedAgainUnderTheCurrentOneWhenRead() {
        replica(SECRET_A, null).hold(holder, "listener-rotation", oldToken, Instant.now());
        String sealedUnderA = HeldRows.sealedRefreshToken(holder).orElseThrow();

        // EARSHOT_SESSION_SECRET rotated: B is current, A previous.
        assertTrue(replica(SECRET_B, SECRET_A).find(holder).isPresent());
        assertNotEquals(sealedUnderA, HeldRows.sealedRefreshToken(holder).orElseThrow(), "sealed again");

        // The previous secret dropped: the token still opens.
        assertTrue(replica(SECRET_B, null).find(holder).isPresent());
    }

    /** Another replica: its own token refresher, threads and memory; the same database and secret. */
    private HeldTokens replica() {
        return replica(sealer);
    }

    /** Another replica whose secrets are these. */
    private HeldTokens replica(String secret, String previous) {
        return replica(new CookieSealer(new SealingKeys(secret, Optional.ofNullable(previous))));
    }

    private HeldTokens replica(CookieSealer replicaSealer) {
        return replica(replicaSealer, Clock.systemUTC());
    }

    private HeldTokens replica(CookieSealer replicaSealer, Clock clock) {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        replicaThreads.add(threads);
        TokenRefresher refresher = new TokenRefresher(accounts::refresh, Optional::empty, new SimpleMeterRegistry());
        return new HeldTokens(database, replicaSealer, refresher, clock, threads);
    }

    private String awaitThen(CountDownLatch start, HeldTokens replica) {
        try {
            start.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return replica.accessTokens(holder).current().toCompletableFuture().join();
    }

    private static Throwable failureOf(java.util.concurrent.CompletionStage<String> stage) {
        try {
            stage.toCompletableFuture().join();
        } catch (CompletionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected a failure");
    }

    private static MappingBuilder tokenGrantFor(String refreshToken) {
        return post(urlPathEqualTo(FakeSpotify.TOKEN_PATH))
                .withRequestBody(containing("refresh_token=" + refreshToken));
    }
}
