package dev.earshot.auth;

import dev.earshot.spotify.SpotifyException;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Runs the work of a request that needs a signed-in visitor: opens the session cookie, lets the work
 * use the session's tokens, then re-seals the cookie when tokens changed or an old key sealed it, or
 * signs the visitor out when the session has ended (R03, R04, S12, S13), was signed out here or on another
 * replica (S26), or no longer fits its cookie (S14).
 */
@ApplicationScoped
public class SessionGuard {

    private static final Logger LOG = Logger.getLogger(SessionGuard.class);

    /** How a resource answers a visitor who is not (or no longer) signed in. */
    @FunctionalInterface
    public interface SignedOutAnswer {
        Response.ResponseBuilder answer(boolean sessionExpired);
    }

    /**
     * How work tells the guard that what it fetched shows the sign-in has ended (R03, R04), without a
     * Spotify failure of its own to hand on. Private: callers say it with {@link #sessionEnded()}.
     */
    private static final class SessionEnded extends RuntimeException {
        SessionEnded() {
            super("The sign-in has ended", null, false, false);
        }
    }

    private final SessionCookie sessionCookie;
    private final EndedSessions endedSessions;
    private final TokenRefresher refresher;
    private final Clock clock;

    SessionGuard(SessionCookie sessionCookie, EndedSessions endedSessions, TokenRefresher refresher, Clock clock) {
        this.sessionCookie = sessionCookie;
        this.endedSessions = endedSessions;
        this.refresher = refresher;
        this.clock = clock;
    }

    /** The request's session, a signed-out one counting as ended. Blocking (at most one database look-up): not on the event loop. */
    public SessionLookup lookup(HttpHeaders headers) {
        SessionLookup lookup = sessionCookie.read(headers);
        if (lookup.active()
                && endedSessions.isEnded(lookup.session()).toCompletableFuture().join()) {
            return SessionLookup.expired();
        }
        return lookup;
    }

    public NewCookie clearCookie() {
        return sessionCookie.clear();
    }

    /**
     * The answer work gives when what it fetched shows the sign-in has ended: the guard then signs the
     * visitor out, as it does when a refresh finds the sign-in dead.
     */
    public static CompletionStage<Response.ResponseBuilder> sessionEnded() {
        return CompletableFuture.failedFuture(new SessionEnded());
    }

    public CompletionStage<Response> run(
            HttpHeaders headers,
            Function<SignedInSession, CompletionStage<Response.ResponseBuilder>> work,
            SignedOutAnswer signedOut) {
        SessionLookup lookup = sessionCookie.read(headers);
        if (!lookup.active()) {
            Response.ResponseBuilder answer = signedOut.answer(lookup.state() == SessionLookup.State.EXPIRED);
            if (lookup.needsClearing()) {
                answer.cookie(sessionCookie.clear());
            }
            return CompletableFuture.completedFuture(answer.build());
        }
        CompletableFuture<Boolean> ended =
                endedSessions.isEnded(lookup.session()).toCompletableFuture();
        Function<Boolean, CompletionStage<Response>> next = signedOutForGood -> signedOutForGood
                ? CompletableFuture.completedFuture(
                        signedOut.answer(true).cookie(sessionCookie.clear()).build())
                : runSignedIn(lookup, work, signedOut);
        // The database (an uncached check) and Spotify (a refresh) answer on other threads: whatever comes
        // after them goes on where the request was — its Vert.x context, and with it its request scope, which
        // building an answer needs (a redirect's relative Location is resolved against the current request).
        Executor request = onRequestContext(Vertx.currentContext());
        return ended.thenComposeAsync(next, request);
    }

    private static Executor onRequestContext(Context request) {
        if (request == null) {
            return Runnable::run;
        }
        return task -> {
            if (Vertx.currentContext() == request) {
                task.run();
            } else {
                request.runOnContext(ignored -> task.run());
            }
        };
    }

    private CompletionStage<Response> runSignedIn(
            SessionLookup lookup,
            Function<SignedInSession, CompletionStage<Response.ResponseBuilder>> work,
            SignedOutAnswer signedOut) {
        SignedInSession signedIn = new SignedInSession(lookup.session(), refresher, clock);
        CompletionStage<Response.ResponseBuilder> result;
        try {
            result = work.apply(signedIn);
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        return result.handleAsync(
                (builder, failure) -> {
                    if (failure != null) {
                        if (SpotifyException.endsSession(failure)
                                || SpotifyException.unwrap(failure) instanceof SessionEnded) {
                            return signedOut
                                    .answer(true)
                                    .cookie(sessionCookie.clear())
                                    .build();
                        }
                        throw failure instanceof RuntimeException runtime
                                ? runtime
                                : new IllegalStateException(failure);
                    }
                    if (signedIn.changed() || lookup.underOldKey()) {
                        try {
                            builder.cookie(sessionCookie.write(signedIn.session()));
                        } catch (CookieTooLargeException e) {
                            // Spotify's new tokens no longer fit a cookie (S14): the session cannot go on, so it ends
                            // cleanly.
                            LOG.infof("Session ended: %s", e.getMessage());
                            return signedOut
                                    .answer(true)
                                    .cookie(sessionCookie.clear())
                                    .build();
                        }
                    }
                    return builder.build();
                },
                onRequestContext(Vertx.currentContext()));
    }
}
