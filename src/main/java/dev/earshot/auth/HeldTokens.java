package dev.earshot.auth;

import dev.earshot.spotify.AccessTokens;
import dev.earshot.spotify.SpotifyException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Refresh tokens the server holds for the owner and for listeners who opted in to recording.
 *
 * <p>PLACEHOLDER for the recorder's branch: held in memory only, single-flight in this process only. Engineer A's
 * implementation (sealed in the database, single-flight across replicas, R12) replaces this file at merge.
 */
@ApplicationScoped
public class HeldTokens {

    /** Refresh this long before the access token expires. */
    private static final long MARGIN_SECONDS = 60;

    private record Held(
            String listenerId,
            String refreshToken,
            Instant signedInAt,
            Optional<Instant> rejectedAt,
            String accessToken,
            Instant accessExpiresAt,
            long generation) {}

    private final TokenRefresher refresher;
    private final Clock clock;
    private final ConcurrentMap<String, Held> held = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, CompletableFuture<String>> refreshing = new ConcurrentHashMap<>();
    private long generations;

    HeldTokens(TokenRefresher refresher, Clock clock) {
        this.refresher = refresher;
        this.clock = clock;
    }

    /** Holds (or replaces) the refresh token of {@code holder}, for Spotify user {@code listenerId}, signed in at {@code signedInAt}. Clears a previous "rejected" mark. */
    public synchronized void hold(String holder, String listenerId, String refreshToken, Instant signedInAt) {
        held.put(
                holder,
                new Held(listenerId, refreshToken, signedInAt, Optional.empty(), null, Instant.EPOCH, ++generations));
    }

    /** Forgets the holder's token (opt-out, delete). No-op when none is held. */
    public void release(String holder) {
        held.remove(holder);
    }

    /** What is held, without the token itself; empty when nothing is held. */
    public Optional<HeldToken> find(String holder) {
        return Optional.ofNullable(held.get(holder))
                .map(h -> new HeldToken(holder, h.listenerId(), h.signedInAt(), h.rejectedAt()));
    }

    /** Access tokens for the holder, as the Web API client takes them; invalid_grant marks the held token rejected. */
    public AccessTokens accessTokens(String holder) {
        return new AccessTokens() {
            @Override
            public CompletionStage<String> current() {
                Held now = held.get(holder);
                if (now != null
                        && now.accessToken() != null
                        && now.accessExpiresAt().isAfter(clock.instant().plusSeconds(MARGIN_SECONDS))) {
                    return CompletableFuture.completedFuture(now.accessToken());
                }
                return refresh(holder, null);
            }

            @Override
            public CompletionStage<String> replacing(String rejected) {
                Held now = held.get(holder);
                if (now != null
                        && now.accessToken() != null
                        && !now.accessToken().equals(rejected)) {
                    return CompletableFuture.completedFuture(now.accessToken());
                }
                return refresh(holder, rejected);
            }
        };
    }

    private CompletionStage<String> refresh(String holder, String rejected) {
        Held from = held.get(holder);
        if (from == null) {
            return CompletableFuture.failedFuture(new SpotifyException.Unauthorized("No token is held for " + holder));
        }
        if (from.rejectedAt().isPresent()) {
            return CompletableFuture.failedFuture(new SpotifyException.GrantRejected("invalid_grant"));
        }
        CompletableFuture<String> mine = new CompletableFuture<>();
        CompletableFuture<String> running = refreshing.putIfAbsent(holder, mine);
        if (running != null) {
            return running.copy();
        }
        refresher
                .refresh(TokenRefresher.Account.OWNER, from.refreshToken(), rejected)
                .whenComplete((grant, failure) -> {
                    synchronized (this) {
                        Held current = held.get(holder);
                        boolean same = current != null && current.generation() == from.generation();
                        if (failure == null && same) {
                            String refresh = grant.refreshToken() != null ? grant.refreshToken() : from.refreshToken();
                            held.put(
                                    holder,
                                    new Held(
                                            from.listenerId(),
                                            refresh,
                                            from.signedInAt(),
                                            Optional.empty(),
                                            grant.accessToken(),
                                            grant.expiresAt(),
                                            from.generation()));
                        } else if (failure != null
                                && same
                                && SpotifyException.unwrap(failure) instanceof SpotifyException.GrantRejected r
                                && r.isInvalidGrant()) {
                            held.put(
                                    holder,
                                    new Held(
                                            from.listenerId(),
                                            from.refreshToken(),
                                            from.signedInAt(),
                                            Optional.of(clock.instant()),
                                            null,
                                            Instant.EPOCH,
                                            from.generation()));
                        }
                    }
                    refreshing.remove(holder, mine);
                    if (failure == null) {
                        mine.complete(grant.accessToken());
                    } else {
                        mine.completeExceptionally(SpotifyException.unwrap(failure));
                    }
                });
        return mine.copy();
    }
}
