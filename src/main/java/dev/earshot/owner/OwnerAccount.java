package dev.earshot.owner;

import dev.earshot.auth.HeldToken;
import dev.earshot.auth.HeldTokens;
import dev.earshot.config.ModeConfig;
import dev.earshot.config.OwnerConfig;
import dev.earshot.config.SpotifyConfig;
import dev.earshot.spotify.AccessTokens;
import dev.earshot.spotify.SpotifyException;
import dev.earshot.spotify.TokenGrant;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The deployer's own Spotify account, held on the server for the public widget: its refresh token is the
 * {@link HeldTokens#OWNER} held token in the database (in demo mode {@link #DEMO_HOLDER}, so the sandbox never
 * touches a real owner's token), so every replica shares it and refreshes it single-flight (R05, R08, R12); a rotated token is saved before it is used; a dead one ({@code invalid_grant}) takes the
 * account offline with one warning and no further calls until the owner reconnects (R04). A reconnect wins
 * over a refresh already in flight: each connect starts a new generation, and a refresh started under an
 * older one neither hands out the previous account's token nor takes the account offline.
 */
@ApplicationScoped
public class OwnerAccount implements AccessTokens {

    /** Where the owner's refresh token came from. */
    public enum Source {
        /** Connected at /owner/connect (or imported from the token file of earlier versions). */
        STORE,
        /** {@code SPOTIFY_REFRESH_TOKEN}, held in the database from its first use on (rotations included). */
        ENVIRONMENT,
        ACCESS_TOKEN_ONLY,
        DEMO,
        NONE
    }

    /** Spotify ends every sign-in six months after it happened, however often it is refreshed. */
    static final int SIGN_IN_MONTHS = 6;

    /** The name the owner goes by in demo mode, where the sandbox's listener is the owner. */
    static final String DEMO_OWNER = "demo-listener";

    /** Who holds the sandbox owner's token in demo mode: not {@link HeldTokens#OWNER}, which a real owner may hold. */
    static final String DEMO_HOLDER = "demo-owner";

    /** How often a replica reads the owner's row again, to see a reconnect or a rejection made by another one. */
    static final Duration RELOAD_PERIOD = Duration.ofSeconds(30);

    private static final Logger LOG = Logger.getLogger(OwnerAccount.class);

    /** What this replica knows of the owner, read from the database (or the environment). */
    private record Snapshot(Source source, String userId, Instant signedInAt, boolean rejected, String accessToken) {

        static final Snapshot NONE = new Snapshot(Source.NONE, null, null, false, null);
    }

    private final HeldTokens held;
    /** {@link HeldTokens#OWNER}, or {@link #DEMO_HOLDER} in demo mode. */
    private final String holder;

    private final AccessTokens heldTokens;
    private final OwnerTokenFile tokenFile;
    private final SpotifyConfig spotify;
    private final OwnerConfig config;
    private final ModeConfig mode;
    private final Clock clock;
    private final Event<OwnerConnected> connected;
    private final Vertx vertx;

    private Snapshot snapshot = Snapshot.NONE;
    /** Set when this replica saw Spotify refuse the owner's token (or SPOTIFY_ACCESS_TOKEN): no further calls. */
    private boolean offline;
    /** Which account is held: a connect starts a new generation. */
    private long generation;

    /** Held while a connect replaces the account, so a caller of the previous one can wait for the new one. */
    private final Object connecting = new Object();

    private long timer = -1;

    OwnerAccount(
            HeldTokens held,
            OwnerTokenFile tokenFile,
            SpotifyConfig spotify,
            OwnerConfig config,
            ModeConfig mode,
            Clock clock,
            Event<OwnerConnected> connected,
            Vertx vertx) {
        this.held = held;
        this.holder = mode.demo() ? DEMO_HOLDER : HeldTokens.OWNER;
        this.heldTokens = held.accessTokens(holder);
        this.tokenFile = tokenFile;
        this.spotify = spotify;
        this.config = config;
        this.mode = mode;
        this.clock = clock;
        this.connected = connected;
        this.vertx = vertx;
    }

    @Override
    public CompletionStage<String> current() {
        Snapshot current = snapshot();
        if (current.source() == Source.NONE) {
            return CompletableFuture.failedFuture(new OwnerNotConfiguredException());
        }
        if (isOffline()) {
            return CompletableFuture.failedFuture(new SpotifyException.GrantRejected("invalid_grant"));
        }
        if (current.source() == Source.ACCESS_TOKEN_ONLY) {
            return CompletableFuture.completedFuture(current.accessToken());
        }
        return held(heldTokens::current);
    }

    @Override
    public CompletionStage<String> replacing(String rejected) {
        Snapshot current = snapshot();
        if (current.source() == Source.ACCESS_TOKEN_ONLY) {
            goOffline(
                    generation(),
                    "Spotify rejected SPOTIFY_ACCESS_TOKEN (it expires within an hour); set SPOTIFY_REFRESH_TOKEN or connect at /owner/connect");
            return CompletableFuture.failedFuture(
                    new SpotifyException.Unauthorized("The owner's access token was rejected"));
        }
        return held(() -> heldTokens.replacing(rejected));
    }

    /** A token of the held account; when a reconnect happened meanwhile, one of the newly connected account. */
    private CompletionStage<String> held(Supplier<CompletionStage<String>> tokens) {
        long started = generation();
        return tokens.get()
                .handle((token, failure) -> {
                    if (generation() != started) {
                        // Whatever the previous account's refresh brought back, the connected one is what counts now.
                        return afterConnect().thenCompose(connected -> heldTokens.current());
                    }
                    if (failure == null) {
                        return CompletableFuture.completedFuture(token);
                    }
                    if (SpotifyException.unwrap(failure) instanceof SpotifyException.GrantRejected rejected
                            && rejected.isInvalidGrant()) {
                        goOffline(
                                started,
                                "Spotify no longer accepts the owner's refresh token (revoked, or past Spotify's six-month limit): "
                                        + "the public widget shows offline until you reconnect at /owner/connect");
                    }
                    return CompletableFuture.<String>failedFuture(SpotifyException.unwrap(failure));
                })
                .thenCompose(outcome -> outcome);
    }

    /** Completes once a connect in progress has held the new account (off the event loop: it may wait). */
    private CompletionStage<Void> afterConnect() {
        return CompletableFuture.runAsync(
                () -> {
                    synchronized (connecting) {
                        // Nothing to do: entering means the connect has finished.
                    }
                },
                Infrastructure.getDefaultWorkerPool());
    }

    /** Makes the account of a completed sign-in the owner's, saved before it is used. Blocking: off the event loop. */
    public void connect(TokenGrant grant, String userId) {
        synchronized (connecting) {
            synchronized (this) {
                // From here on, whatever a refresh of the previous account brings back is stale.
                generation++;
            }
            held.hold(holder, userId, grant, clock.instant());
            reload();
        }
        LOG.infof("The owner's Spotify account is now %s (held in the database)", userId);
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
        Snapshot current = snapshot();
        return current.source() == Source.STORE ? Optional.ofNullable(current.userId()) : Optional.empty();
    }

    /** Connecting needs the setup code from the log while nobody can tell who the owner is (and not in demo mode). */
    public boolean connectNeedsSetupCode() {
        return !mode.demo() && knownOwnerId().isEmpty();
    }

    public OwnerStatus status() {
        Snapshot current = snapshot();
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

    /**
     * What a start does, where blocking is fine: imports the token file of earlier versions once, holds the
     * environment's token when nothing is held yet, then reads the owner from the database. Tests call it to
     * see what a restart sees.
     */
    void start() {
        synchronized (connecting) {
            synchronized (this) {
                generation++;
                offline = false;
            }
            holdAtStart();
            reload();
        }
    }

    private void holdAtStart() {
        Optional<String> refresh = spotify.refreshToken().filter(t -> !t.isBlank());
        if (mode.demo() && refresh.isPresent()) {
            // The sandbox's standing sign-in, refreshed over HTTP like Spotify's; held again at every start.
            held.hold(DEMO_HOLDER, DEMO_OWNER, refresh.get(), clock.instant());
        } else if (!mode.demo()) {
            importTokenFile();
            if (refresh.isPresent()) {
                holdTheEnvironmentsToken(held.find(HeldTokens.OWNER), refresh.get());
            }
        }
    }

    private void importTokenFile() {
        Optional<StoredOwner> stored = tokenFile.load();
        if (stored.isEmpty()) {
            return;
        }
        StoredOwner owner = stored.get();
        // A token already in the database is newer than the file's (another replica, or an earlier import).
        if (held.holdIfAbsent(HeldTokens.OWNER, owner.userId(), owner.refreshToken(), owner.signedInAt())) {
            LOG.infof("The owner's token file %s is imported into the database", tokenFile.file());
        }
        tokenFile.markImported();
    }

    private void holdTheEnvironmentsToken(Optional<HeldToken> owner, String refreshToken) {
        String ownerId = config.id().filter(id -> !id.isBlank()).orElse(null);
        if (owner.isEmpty()) {
            if (!held.holdIfAbsent(HeldTokens.OWNER, ownerId, refreshToken, null)
                    && held.find(HeldTokens.OWNER).isEmpty()) {
                // What is held cannot be opened (another secret sealed it): the environment's replaces it.
                held.hold(HeldTokens.OWNER, ownerId, refreshToken, null);
            }
        } else if (owner.get().signedInAt() == null && owner.get().rejectedAt().isPresent()) {
            // Spotify refused the one held from the environment before: the deployer has (perhaps) set a new one.
            held.hold(HeldTokens.OWNER, ownerId, refreshToken, null);
        }
    }

    /** Reads the owner from the database again: another replica may have reconnected it or seen it rejected. */
    void reload() {
        Optional<String> access = spotify.accessToken().filter(t -> !t.isBlank());
        Optional<HeldToken> owner = held.find(holder);
        Snapshot next;
        if (owner.isPresent()) {
            HeldToken token = owner.get();
            Source source = mode.demo() ? Source.DEMO : token.signedInAt() == null ? Source.ENVIRONMENT : Source.STORE;
            String userId = token.listenerId() != null
                    ? token.listenerId()
                    : config.id().orElse(null);
            next = new Snapshot(
                    source, userId, token.signedInAt(), token.rejectedAt().isPresent(), null);
        } else if (access.isPresent()) {
            if (snapshot().source() != Source.ACCESS_TOKEN_ONLY) {
                LOG.warn(
                        "The owner's account uses SPOTIFY_ACCESS_TOKEN: it expires within an hour and cannot be renewed. "
                                + "For a lasting widget set SPOTIFY_REFRESH_TOKEN or connect at /owner/connect.");
            }
            next = new Snapshot(Source.ACCESS_TOKEN_ONLY, config.id().orElse(null), null, false, access.get());
        } else {
            next = Snapshot.NONE;
        }
        synchronized (this) {
            if (next.source() != Source.ACCESS_TOKEN_ONLY) {
                offline = next.rejected();
            }
            snapshot = next;
        }
    }

    /** Before the other start-up observers, which ask how the owner stands (the setup code, the expiry warning). */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent event) {
        start();
        timer = vertx.setPeriodic(
                RELOAD_PERIOD.toMillis(),
                id -> vertx.executeBlocking(() -> {
                    reloadQuietly();
                    return null;
                }));
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void reloadQuietly() {
        try {
            reload();
        } catch (RuntimeException e) {
            // The database is away for a moment: keep what is known, read again next period.
            LOG.debugf("The owner could not be read again from the database: %s", e.getMessage());
        }
    }

    private synchronized Snapshot snapshot() {
        return snapshot;
    }

    private synchronized long generation() {
        return generation;
    }

    private synchronized boolean isOffline() {
        return offline;
    }

    private synchronized void goOffline(long of, String why) {
        if (generation == of && !offline) {
            offline = true;
            LOG.warn(why);
        }
    }
}
