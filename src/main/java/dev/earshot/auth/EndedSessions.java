package dev.earshot.auth;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.earshot.config.SessionConfig;
import dev.earshot.database.Database;
import dev.earshot.database.SqlTime;
import dev.earshot.web.Sha256;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Sessions signed out for good (S26), in the database so every replica knows: one sign-out ends its session
 * id until the session's own absolute end; "sign out everywhere" ends every session of a listener signed in
 * until then. Each answer is remembered {@link #REMEMBER_ANSWER} in this process, so a busy page costs no
 * database round trip per request while a sign-out elsewhere still counts within seconds.
 */
@ApplicationScoped
public class EndedSessions {

    /** How long this replica trusts an answer: a sign-out on another replica counts within it. */
    static final Duration REMEMBER_ANSWER = Duration.ofSeconds(5);

    private static final Logger LOG = Logger.getLogger(EndedSessions.class);

    /** What decides whether a session has ended: its id, its listener and when it was signed in. */
    private record Key(String sessionId, String userId, Instant signedInAt) {}

    private final Database database;
    private final Duration lifetime;
    private final Clock clock;
    private final AsyncLoadingCache<Key, Boolean> answers;
    /** The log says it when the database stops (and starts again) answering, not on every request. */
    private final AtomicBoolean answering = new AtomicBoolean(true);

    @Inject
    EndedSessions(Database database, SessionConfig config, Clock clock) {
        this(database, config, clock, Infrastructure.getDefaultWorkerPool());
    }

    EndedSessions(Database database, SessionConfig config, Clock clock, Executor blocking) {
        this.database = database;
        this.lifetime = config.lifetime();
        this.clock = clock;
        this.answers = Caffeine.newBuilder()
                .expireAfterWrite(REMEMBER_ANSWER)
                .maximumSize(100_000)
                .executor(blocking)
                .buildAsync(this::endedInTheDatabase);
    }

    /**
     * Whether the session has been signed out, here or on another replica. Completes at once when the answer
     * is remembered, else on a worker thread (never blocking the event loop). When the database cannot
     * answer the session goes on: a database failure degrades sign-out's reach, never the dashboard.
     */
    public CompletionStage<Boolean> isEnded(Session session) {
        CompletableFuture<Boolean> answer =
                answers.get(new Key(session.sessionId(), session.userId(), session.signedInAt()));
        if (answer.isDone() && !answer.isCompletedExceptionally()) {
            return answer;
        }
        return answer.handle((ended, failure) -> {
            if (failure == null) {
                if (!answering.getAndSet(true)) {
                    LOG.info("The database answers again: sign-outs are checked again");
                }
                return ended;
            }
            if (answering.getAndSet(false)) {
                LOG.warnf(
                        "The database cannot say whether sessions were signed out (%s): sessions go on unchecked until it can",
                        failure.getMessage());
            }
            return false;
        });
    }

    /** Ends one session for good: blocking (the database is written before the visitor is told). */
    public void end(Session session) {
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO ended_session (session_digest, expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                insert.setString(1, digest(session.sessionId()));
                insert.setObject(2, SqlTime.of(session.signedInAt().plus(lifetime)));
                return insert.executeUpdate();
            }
        });
        answers.synchronous().put(new Key(session.sessionId(), session.userId(), session.signedInAt()), true);
    }

    /** Ends every session of {@code userId} signed in until now, on every replica: blocking. */
    public void endEverywhere(String userId) {
        // Whole seconds, as the cookie keeps the sign-in time: a session signed in this very second ends too.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE sessions_ended_before SET ended_before = ?, expires_at = ? WHERE listener_id = ?")) {
                update.setObject(1, SqlTime.of(now));
                update.setObject(2, SqlTime.of(now.plus(lifetime)));
                update.setString(3, userId);
                if (update.executeUpdate() == 1) {
                    return null;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO sessions_ended_before (listener_id, ended_before, expires_at) VALUES (?, ?, ?)"
                            + " ON CONFLICT DO NOTHING")) {
                insert.setString(1, userId);
                insert.setObject(2, SqlTime.of(now));
                insert.setObject(3, SqlTime.of(now.plus(lifetime)));
                insert.executeUpdate();
            }
            return null;
        });
        // Which of the remembered answers are this listener's is not worth sorting out: a sign-out everywhere is rare.
        answers.synchronous().invalidateAll();
    }

    /** Deletes what no longer matters: rows past the absolute end of every session they could end. */
    public int sweep() {
        OffsetDateTime now = SqlTime.of(clock.instant());
        return database.inTransaction(connection ->
                delete(connection, "ended_session", now) + delete(connection, "sessions_ended_before", now));
    }

    private static int delete(Connection connection, String table, OffsetDateTime now) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE expires_at < ?")) {
            delete.setObject(1, now);
            return delete.executeUpdate();
        }
    }

    private Boolean endedInTheDatabase(Key key) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT (SELECT COUNT(*) FROM ended_session WHERE session_digest = ?)"
                            + " + (SELECT COUNT(*) FROM sessions_ended_before WHERE listener_id = ? AND ended_before >= ?)")) {
                select.setString(1, digest(key.sessionId()));
                select.setString(2, key.userId());
                select.setObject(3, SqlTime.of(key.signedInAt()));
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getLong(1) > 0;
                }
            }
        });
    }

    /** Stored as a digest: the table never holds the id a sealed cookie carries. */
    static String digest(String sessionId) {
        return HexFormat.of().formatHex(Sha256.of(sessionId));
    }
}
