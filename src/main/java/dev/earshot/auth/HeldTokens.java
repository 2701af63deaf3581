package dev.earshot.auth;

import dev.earshot.database.Database;
import dev.earshot.database.SqlTime;
import dev.earshot.spotify.AccessTokens;
import dev.earshot.spotify.SpotifyException;
import dev.earshot.spotify.TokenGrant;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/** Refresh tokens the server holds for the owner and for listeners who opted in to recording: sealed in the database, refreshed single-flight across replicas (R12). */
@ApplicationScoped
public class HeldTokens {

    /** The holder of the deployer's own account. */
    public static final String OWNER = "owner";

    private static final Logger LOG = Logger.getLogger(HeldTokens.class);
    /** What the refresh token is sealed for (bound into the seal: it opens as nothing else). */
    public static final String REFRESH_PURPOSE = "held-refresh-token";

    private static final String ACCESS_PURPOSE = "held-access-token";
    /** An access token with less than this left is refreshed, as a session's is. */
    private static final Duration REFRESH_MARGIN = Duration.ofSeconds(60);
    /**
     * How long a replica waits for another one's refresh of the same holder (it holds the row while Spotify
     * answers, at most the token call's timeouts); H2's default of one second would be too short.
     */
    static final Duration LOCK_WAIT = Duration.ofSeconds(15);

    /**
     * How long this process trusts an access token it knows before reading the row again (without a Spotify
     * call), so a reconnect or release on another replica counts here within it.
     */
    static final Duration READ_AGAIN_AFTER = Duration.ofMinutes(1);

    /** A holder's newest access token, as this process saw it at {@code seenAt}. */
    private record Access(String token, Instant expiresAt, Instant seenAt) {}

    /** One held row, opened. */
    private record Row(
            String listenerId,
            String refreshToken,
            Instant signedInAt,
            Instant rejectedAt,
            String accessToken,
            Instant accessExpiresAt) {}

    /** What a refresh under the lock came to: a token, or a failure to hand on once the transaction is committed. */
    private record Outcome(Access access, RuntimeException failure) {}

    private final Database database;
    private final CookieSealer sealer;
    private final TokenRefresher refresher;
    private final Clock clock;
    private final Executor blocking;

    /** Access tokens this process got, so an unexpired one costs no database round trip. */
    private final ConcurrentMap<String, Access> known = new ConcurrentHashMap<>();
    /** One refresh per holder at a time in this process; the row lock does it across replicas. */
    private final ConcurrentMap<String, CompletableFuture<String>> inFlight = new ConcurrentHashMap<>();
    /** Counts hold/release calls, so a refresh that ran across one does not remember the replaced account's token. */
    private final AtomicLong changes = new AtomicLong();

    @Inject
    HeldTokens(Database database, CookieSealer sealer, TokenRefresher refresher, Clock clock) {
        this(database, sealer, refresher, clock, Infrastructure.getDefaultWorkerPool());
    }

    /** With the executor database work runs on (never the event loop). */
    HeldTokens(Database database, CookieSealer sealer, TokenRefresher refresher, Clock clock, Executor blocking) {
        this.database = database;
        this.sealer = sealer;
        this.refresher = refresher;
        this.clock = clock;
        this.blocking = blocking;
    }

    /** Holds (or replaces) the refresh token of {@code holder}, for Spotify user {@code listenerId}, signed in at {@code signedInAt} (Spotify's six-month limit counts from it). Clears a previous "rejected" mark. */
    public void hold(String holder, String listenerId, String refreshToken, Instant signedInAt) {
        hold(holder, listenerId, new TokenGrant(null, null, refreshToken), signedInAt);
    }

    /**
     * Holds (or replaces) the tokens of a sign-in that just completed: its access token too, so the first
     * use needs no refresh. Blocking: call it off the event loop.
     */
    public void hold(String holder, String listenerId, TokenGrant grant, Instant signedInAt) {
        changes.incrementAndGet();
        known.remove(holder);
        database.inTransaction(connection -> {
            waitForLocksUpTo(connection);
            if (update(connection, holder, listenerId, grant, signedInAt) == 0
                    && insert(connection, holder, listenerId, grant, signedInAt) == 0) {
                // Inserted by another replica a moment ago: replace that one.
                update(connection, holder, listenerId, grant, signedInAt);
            }
            return null;
        });
        if (grant.accessToken() != null) {
            known.put(holder, new Access(grant.accessToken(), grant.expiresAt(), clock.instant()));
        }
    }

    /**
     * Holds the token only when nothing is held for {@code holder} yet (a seed from the environment must never
     * overwrite a token another replica has rotated since); true when it was taken.
     */
    public boolean holdIfAbsent(String holder, String listenerId, String refreshToken, Instant signedInAt) {
        return database.inTransaction(connection ->
                insert(connection, holder, listenerId, new TokenGrant(null, null, refreshToken), signedInAt) == 1);
    }

    /** Forgets the holder's token (opt-out, delete). No-op when none is held. */
    public void release(String holder) {
        changes.incrementAndGet();
        known.remove(holder);
        database.inTransaction(connection -> {
            waitForLocksUpTo(connection);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM held_token WHERE holder = ?")) {
                delete.setString(1, holder);
                return delete.executeUpdate();
            }
        });
    }

    /**
     * What is held, without the token itself; empty when nothing is held — or when what is held cannot be
     * opened with the current or previous session secret (it is then useless; the log says so).
     */
    public Optional<HeldToken> find(String holder) {
        return database.inTransaction(connection -> read(connection, holder, false))
                .map(row -> new HeldToken(
                        holder, row.listenerId(), row.signedInAt(), Optional.ofNullable(row.rejectedAt())));
    }

    /** Access tokens for the holder, as the Web API client takes them: current() refreshes when due — at most once at a time in this process AND across replicas (a row lock: a replica that waited for the lock re-reads the row and uses the token the other one got, instead of spending the single-use refresh token again) — and saves a rotated refresh token before it is used. Spotify's invalid_grant fails the stage with SpotifyException.GrantRejected and marks the held token rejected (find(...).rejectedAt()); no further refresh is tried until hold(...) is called again. */
    public AccessTokens accessTokens(String holder) {
        return new AccessTokens() {
            @Override
            public CompletionStage<String> current() {
                Access access = known.get(holder);
                if (access != null && usable(access) && recent(access)) {
                    return CompletableFuture.completedFuture(access.token());
                }
                return refreshOnce(holder, null);
            }

            @Override
            public CompletionStage<String> replacing(String rejected) {
                Access access = known.get(holder);
                if (access != null && !access.token().equals(rejected) && usable(access) && recent(access)) {
                    return CompletableFuture.completedFuture(access.token());
                }
                return refreshOnce(holder, rejected);
            }
        };
    }

    private boolean usable(Access access) {
        return access.expiresAt().isAfter(clock.instant().plus(REFRESH_MARGIN));
    }

    private boolean recent(Access access) {
        return access.seenAt().isAfter(clock.instant().minus(READ_AGAIN_AFTER));
    }

    private CompletionStage<String> refreshOnce(String holder, String rejected) {
        CompletableFuture<String> mine = new CompletableFuture<>();
        CompletableFuture<String> running = inFlight.putIfAbsent(holder, mine);
        if (running != null) {
            return rejected == null
                    ? running.copy()
                    : running.thenCompose(token -> token.equals(rejected)
                            ? refreshOnce(holder, rejected)
                            : CompletableFuture.completedFuture(token));
        }
        long changesAtStart = changes.get();
        CompletableFuture.supplyAsync(() -> refreshUnderLock(holder, rejected), blocking)
                .whenComplete((access, failure) -> {
                    if (failure == null && changes.get() == changesAtStart) {
                        known.put(holder, access);
                    }
                    inFlight.remove(holder, mine);
                    if (failure == null) {
                        mine.complete(access.token());
                    } else {
                        mine.completeExceptionally(unwrapped(failure));
                    }
                });
        return mine.copy();
    }

    /** Blocking: locks the holder's row for the whole refresh, so only one replica spends the refresh token. */
    private Access refreshUnderLock(String holder, String rejected) {
        Outcome outcome = database.inTransaction(connection -> {
            waitForLocksUpTo(connection);
            Optional<Row> held = read(connection, holder, true);
            if (held.isEmpty()) {
                return new Outcome(null, new SpotifyException.Unauthorized("No token is held for " + holder));
            }
            Row row = held.get();
            if (row.rejectedAt() != null) {
                return new Outcome(null, new SpotifyException.GrantRejected("invalid_grant"));
            }
            if (row.accessToken() != null && !row.accessToken().equals(rejected)) {
                Access stored = new Access(row.accessToken(), row.accessExpiresAt(), clock.instant());
                if (usable(stored)) {
                    // Another replica (or an earlier call here) refreshed while this one waited for the lock.
                    return new Outcome(stored, null);
                }
            }
            TokenGrant grant;
            try {
                grant = refresher
                        .refresh(account(holder), row.refreshToken(), rejected)
                        .toCompletableFuture()
                        .join();
            } catch (CompletionException | SpotifyException e) {
                RuntimeException cause = unwrapped(e);
                if (cause instanceof SpotifyException.GrantRejected grantRejected && grantRejected.isInvalidGrant()) {
                    markRejected(connection, holder);
                }
                return new Outcome(null, cause);
            }
            // Saved before it is used: if Spotify rotated a single-use token, the new one is all there is.
            saveRefreshed(connection, holder, grant);
            return new Outcome(new Access(grant.accessToken(), grant.expiresAt(), clock.instant()), null);
        });
        if (outcome.failure() != null) {
            if (outcome.failure() instanceof SpotifyException.GrantRejected) {
                known.remove(holder);
            }
            throw outcome.failure();
        }
        return outcome.access();
    }

    private static TokenRefresher.Account account(String holder) {
        // Recording listeners are "recorder:<id>"; the owner (and the demo sandbox's owner) count as the owner.
        return holder.startsWith("recorder:") ? TokenRefresher.Account.RECORDER : TokenRefresher.Account.OWNER;
    }

    private static RuntimeException unwrapped(Throwable failure) {
        Throwable cause = SpotifyException.unwrap(failure);
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }

    private Optional<Row> read(Connection connection, String holder, boolean forUpdate) throws SQLException {
        String sql = "SELECT listener_id, refresh_token, signed_in_at, rejected_at, access_token, access_expires_at"
                + " FROM held_token WHERE holder = ?" + (forUpdate ? " FOR UPDATE" : "");
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, holder);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                Optional<CookieSealer.Opened> refresh = sealer.open(REFRESH_PURPOSE, rows.getString(2));
                if (refresh.isEmpty()) {
                    LOG.warnf(
                            "The token held for %s cannot be opened with the current EARSHOT_SESSION_SECRET; ignoring it",
                            holder);
                    return Optional.empty();
                }
                String refreshToken = new String(refresh.get().plaintext(), StandardCharsets.UTF_8);
                String accessToken = sealer.open(ACCESS_PURPOSE, rows.getString(5))
                        .map(opened -> new String(opened.plaintext(), StandardCharsets.UTF_8))
                        .orElse(null);
                Row row = new Row(
                        rows.getString(1),
                        refreshToken,
                        SqlTime.read(rows, 3),
                        SqlTime.read(rows, 4),
                        accessToken,
                        SqlTime.read(rows, 6));
                if (refresh.get().underOldKey()) {
                    resealUnderCurrentKey(connection, holder, refreshToken);
                }
                return Optional.of(row);
            }
        }
    }

    /** Sealed again under the current secret, it stays readable once EARSHOT_SESSION_SECRET_PREVIOUS is dropped. */
    private void resealUnderCurrentKey(Connection connection, String holder, String refreshToken) throws SQLException {
        try (PreparedStatement update =
                connection.prepareStatement("UPDATE held_token SET refresh_token = ? WHERE holder = ?")) {
            update.setString(1, seal(REFRESH_PURPOSE, refreshToken));
            update.setString(2, holder);
            update.executeUpdate();
        }
        LOG.infof(
                "The token held for %s was sealed with EARSHOT_SESSION_SECRET_PREVIOUS; it is now sealed with the current secret",
                holder);
    }

    private int update(Connection connection, String holder, String listenerId, TokenGrant grant, Instant signedInAt)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE held_token SET listener_id = ?,"
                + " refresh_token = ?, signed_in_at = ?, rejected_at = NULL, access_token = ?, access_expires_at = ?,"
                + " held_at = ? WHERE holder = ?")) {
            update.setString(1, listenerId);
            update.setString(2, seal(REFRESH_PURPOSE, grant.refreshToken()));
            update.setObject(3, SqlTime.of(signedInAt));
            update.setString(4, grant.accessToken() == null ? null : seal(ACCESS_PURPOSE, grant.accessToken()));
            update.setObject(5, SqlTime.of(grant.accessToken() == null ? null : grant.expiresAt()));
            update.setObject(6, SqlTime.of(clock.instant()));
            update.setString(7, holder);
            return update.executeUpdate();
        }
    }

    private int insert(Connection connection, String holder, String listenerId, TokenGrant grant, Instant signedInAt)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO held_token (holder, listener_id,"
                + " refresh_token, signed_in_at, access_token, access_expires_at, held_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, holder);
            insert.setString(2, listenerId);
            insert.setString(3, seal(REFRESH_PURPOSE, grant.refreshToken()));
            insert.setObject(4, SqlTime.of(signedInAt));
            insert.setString(5, grant.accessToken() == null ? null : seal(ACCESS_PURPOSE, grant.accessToken()));
            insert.setObject(6, SqlTime.of(grant.accessToken() == null ? null : grant.expiresAt()));
            insert.setObject(7, SqlTime.of(clock.instant()));
            return insert.executeUpdate();
        }
    }

    private void saveRefreshed(Connection connection, String holder, TokenGrant grant) throws SQLException {
        boolean rotated = grant.refreshToken() != null;
        try (PreparedStatement update = connection.prepareStatement("UPDATE held_token SET access_token = ?,"
                + " access_expires_at = ?" + (rotated ? ", refresh_token = ?" : "") + " WHERE holder = ?")) {
            update.setString(1, seal(ACCESS_PURPOSE, grant.accessToken()));
            update.setObject(2, SqlTime.of(grant.expiresAt()));
            int next = 3;
            if (rotated) {
                update.setString(next++, seal(REFRESH_PURPOSE, grant.refreshToken()));
            }
            update.setString(next, holder);
            update.executeUpdate();
        }
    }

    private void markRejected(Connection connection, String holder) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE held_token SET rejected_at = ?, access_token = NULL, access_expires_at = NULL WHERE holder = ?")) {
            update.setObject(1, SqlTime.of(clock.instant()));
            update.setString(2, holder);
            update.executeUpdate();
        }
    }

    /** Waits up to {@link #LOCK_WAIT} for a row another transaction holds, on either database. */
    private void waitForLocksUpTo(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(
                    database.isPostgreSQL()
                            ? "SET LOCAL lock_timeout = '" + LOCK_WAIT.toMillis() + "ms'"
                            : "SET LOCK_TIMEOUT " + LOCK_WAIT.toMillis());
        }
    }

    private String seal(String purpose, String token) {
        return sealer.seal(purpose, token.getBytes(StandardCharsets.UTF_8));
    }
}
