package dev.earshot.owner;

import dev.earshot.auth.TokenRefresher;
import dev.earshot.config.ModeConfig;
import dev.earshot.config.OwnerConfig;
import dev.earshot.config.SpotifyConfig;
import dev.earshot.spotify.AccessTokens;
import dev.earshot.spotify.SpotifyException;
import dev.earshot.spotify.TokenGrant;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * The deployer's own Spotify account, held on the server for the public widget. Its access token is
 * refreshed through the app's one {@link TokenRefresher}, at most once at a time and only when due (R05,
 * R08, R11); a rotated refresh token is saved
 * before it is used; a dead one ({@code invalid_grant}) takes the account offline with one warning and
 * no further calls until the owner reconnects (R04). A reconnect wins over a refresh already in flight:
 * each account held gets a new generation, and a refresh started under an older one neither saves,
 * nor adopts, nor takes the account offline.
 */
@ApplicationScoped
public class OwnerAccount implements AccessTokens {

    /** Where the owner's refresh token came from. */
    public enum Source {
        STORE,
        ENVIRONMENT,
        ACCESS_TOKEN_ONLY,
        DEMO,
        NONE
    }

    /** Spotify ends every sign-in six months after it happened, however often it is refreshed. */
    static final int SIGN_IN_MONTHS = 6;

    /** The name the owner goes by in demo mode, where the sandbox's listener is the owner. */
    static final String DEMO_OWNER = "demo-listener";

    private static final Logger LOG = Logger.getLogger(OwnerAccount.class);

    private record Tokens(
            String accessToken,
            Instant accessExpiresAt,
            String refreshToken,
            Instant signedInAt,
            String userId,
            Source source) {

        /** After a refresh; a rotated token from the environment lives in the store from then on. */
        Tokens withGrant(TokenGrant grant, boolean saved) {
            String refresh = grant.refreshToken() != null ? grant.refreshToken() : refreshToken;
            return new Tokens(
                    grant.accessToken(), grant.expiresAt(), refresh, signedInAt, userId, saved ? Source.STORE : source);
        }
    }

    private final TokenRefresher refresher;
    private final OwnerTokenStore store;
    private final SpotifyConfig spotify;
    private final OwnerConfig config;
    private final ModeConfig mode;
    private final Clock clock;
    private final Event<OwnerConnected> connected;

    /** Held while the store is written, so a save checks the generation and writes in one step. */
    private final Object storeWrites = new Object();

    private Tokens tokens;
    private boolean offline;
    private CompletableFuture<Tokens> refreshing;
    /** Which account is held: a connect (or a restart's reload) starts a new generation. */
    private volatile long generation;

    OwnerAccount(
            TokenRefresher refresher,
            OwnerTokenStore store,
            SpotifyConfig spotify,
            OwnerConfig config,
            ModeConfig mode,
            Clock clock,
            Event<OwnerConnected> connected) {
        this.refresher = refresher;
        this.store = store;
        this.spotify = spotify;
        this.config = config;
        this.mode = mode;
        this.clock = clock;
        this.connected = connected;
    }

    @Override
    public CompletionStage<String> current() {
        Tokens current = tokens();
        if (current.source() == Source.NONE) {
            return CompletableFuture.failedFuture(new OwnerNotConfiguredException());
        }
        if (isOffline()) {
            return CompletableFuture.failedFuture(new SpotifyException.GrantRejected("invalid_grant"));
        }
        if (current.accessToken() != null
                && (current.refreshToken() == null
                        || current.accessExpiresAt().isAfter(clock.instant().plusSeconds(60)))) {
            return CompletableFuture.completedFuture(current.accessToken());
        }
        return refresh(current, null).thenApply(Tokens::accessToken);
    }

    @Override
    public CompletionStage<String> replacing(String rejected) {
        Tokens current = tokens();
        if (current.accessToken() != null && !current.accessToken().equals(rejected)) {
            return CompletableFuture.completedFuture(current.accessToken());
        }
        if (current.refreshToken() == null) {
            goOffline(
                    generation,
                    "Spotify rejected SPOTIFY_ACCESS_TOKEN (it expires within an hour); set SPOTIFY_REFRESH_TOKEN or connect at /owner/connect");
            return CompletableFuture.failedFuture(
                    new SpotifyException.Unauthorized("The owner's access token was rejected"));
        }
        return refresh(current, rejected).thenApply(Tokens::accessToken);
    }

    /** Makes the account of a completed sign-in the owner's, saved before it is used. */
    public void connect(TokenGrant grant, String userId) {
        Instant now = clock.instant();
        synchronized (storeWrites) {
            // From here on, whatever a refresh of the previous account brings back is stale.
            generation++;
            store.save(new StoredOwner(grant.refreshToken(), now, userId));
            synchronized (this) {
                tokens = new Tokens(
                        grant.accessToken(), grant.expiresAt(), grant.refreshToken(), now, userId, Source.STORE);
                offline = false;
                refreshing = null;
            }
        }
        LOG.infof("The owner's Spotify account is now %s (saved in %s)", userId, store.file());
        connected.fire(new OwnerConnected(userId));
    }

    /**
     * The Spotify account that may (re)connect as the owner without a setup code: {@code EARSHOT_OWNER_ID},
     * else the owner connected before (so the owner can reconnect as themselves, and nobody else can).
     */
    public Optional<String> knownOwnerId() {
        Optional<String> configured = config.id().filter(id -> !id.isBlank());
        if (configured.isPresent()) {
            return configured;
        }
        Tokens current = tokens();
        return current.source() == Source.STORE ? Optional.ofNullable(current.userId()) : Optional.empty();
    }

    /** Connecting needs the setup code from the log while nobody can tell who the owner is (and not in demo mode). */
    public boolean connectNeedsSetupCode() {
        return !mode.demo() && knownOwnerId().isEmpty();
    }

    public OwnerStatus status() {
        Tokens current = tokens();
        Instant endsAt = current.signedInAt() == null
                ? null
                : current.signedInAt()
                        .atOffset(ZoneOffset.UTC)
                        .plusMonths(SIGN_IN_MONTHS)
                        .toInstant();
        Instant now = clock.instant();
        boolean endingSoon = endsAt != null && !now.isBefore(endsAt.minus(config.warnBefore()));
        return new OwnerStatus(
                current.source(), isOffline(), current.userId(), current.signedInAt(), endsAt, endingSoon, now);
    }

    private synchronized boolean isOffline() {
        return offline;
    }

    private synchronized CompletableFuture<Tokens> refresh(Tokens from, String rejected) {
        if (refreshing != null && !refreshing.isDone()) {
            return refreshing;
        }
        if (tokens != from
                && tokens.accessToken() != null
                && tokens.accessExpiresAt().isAfter(clock.instant().plusSeconds(60))) {
            // Someone refreshed while this caller looked: use theirs.
            return CompletableFuture.completedFuture(tokens);
        }
        long started = generation;
        refreshing = refresher
                .refresh(TokenRefresher.Account.OWNER, from.refreshToken(), rejected)
                // Saving touches the disk: off the event loop.
                .thenApplyAsync(grant -> adopt(started, from, grant), Infrastructure.getDefaultWorkerPool())
                .handle((refreshed, failure) -> settle(started, refreshed, failure))
                .thenCompose(outcome -> outcome)
                .toCompletableFuture();
        return refreshing;
    }

    private Tokens adopt(long started, Tokens from, TokenGrant grant) {
        boolean rotated = grant.refreshToken() != null && !grant.refreshToken().equals(from.refreshToken());
        boolean save = rotated && from.source() != Source.DEMO;
        synchronized (storeWrites) {
            if (generation != started) {
                // Another account was connected while this refresh ran: the previous one's token must not come back.
                return tokens();
            }
            if (save) {
                // Saved before use: if the old token was single-use, the new one is all there is.
                store.save(new StoredOwner(grant.refreshToken(), from.signedInAt(), from.userId()));
            }
            Tokens refreshed = from.withGrant(grant, save);
            synchronized (this) {
                tokens = refreshed;
            }
            return refreshed;
        }
    }

    private CompletionStage<Tokens> settle(long started, Tokens refreshed, Throwable failure) {
        if (failure == null) {
            return CompletableFuture.completedFuture(refreshed);
        }
        if (generation != started) {
            // The previous account's failure says nothing about the one connected since.
            Tokens current = tokens();
            if (current.accessToken() != null) {
                return CompletableFuture.completedFuture(current);
            }
        } else if (SpotifyException.unwrap(failure) instanceof SpotifyException.GrantRejected rejected
                && rejected.isInvalidGrant()) {
            goOffline(
                    started,
                    "Spotify no longer accepts the owner's refresh token (revoked, or past Spotify's six-month limit): "
                            + "the public widget shows offline until you reconnect at /owner/connect");
        }
        return CompletableFuture.failedFuture(failure);
    }

    private synchronized void goOffline(long of, String why) {
        if (generation == of && !offline) {
            offline = true;
            LOG.warn(why);
        }
    }

    /** Forgets everything held in memory, as a restart does; the next use reads the store again. */
    synchronized void forgetInMemoryState() {
        generation++;
        tokens = null;
        offline = false;
        refreshing = null;
    }

    /** Reads the store once at start-up, where blocking is fine, so no request reads the disk on the event loop. */
    void loadAtStart(@Observes StartupEvent event) {
        tokens();
    }

    private synchronized Tokens tokens() {
        if (tokens == null) {
            tokens = initialTokens();
        }
        return tokens;
    }

    private Tokens initialTokens() {
        Optional<String> refresh = spotify.refreshToken().filter(t -> !t.isBlank());
        if (mode.demo() && refresh.isPresent()) {
            // The sandbox's standing sign-in, refreshed over HTTP like Spotify's; kept in memory only, so the
            // store never holds a sandbox token a real Spotify would later refuse.
            return new Tokens(null, Instant.EPOCH, refresh.get(), clock.instant(), DEMO_OWNER, Source.DEMO);
        }
        Optional<StoredOwner> stored = store.load();
        if (stored.isPresent()) {
            StoredOwner owner = stored.get();
            return new Tokens(
                    null, Instant.EPOCH, owner.refreshToken(), owner.signedInAt(), owner.userId(), Source.STORE);
        }
        if (refresh.isPresent()) {
            return new Tokens(
                    null, Instant.EPOCH, refresh.get(), null, config.id().orElse(null), Source.ENVIRONMENT);
        }
        Optional<String> access = spotify.accessToken().filter(t -> !t.isBlank());
        if (access.isPresent()) {
            LOG.warn("The owner's account uses SPOTIFY_ACCESS_TOKEN: it expires within an hour and cannot be renewed. "
                    + "For a lasting widget set SPOTIFY_REFRESH_TOKEN or connect at /owner/connect.");
            return new Tokens(
                    access.get(), Instant.MAX, null, null, config.id().orElse(null), Source.ACCESS_TOKEN_ONLY);
        }
        return new Tokens(null, Instant.EPOCH, null, null, null, Source.NONE);
    }
}
