package dev.earshot.auth;

import dev.earshot.spotify.SpotifyException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Runs the work of a request that needs a signed-in visitor: opens the session cookie, lets the work
 * use the session's tokens, then re-seals the cookie when tokens changed or an old key sealed it, or
 * signs the visitor out when the session has ended (R03, R04, S12, S13) or no longer fits its cookie (S14).
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
    private final TokenRefresher refresher;
    private final Clock clock;

    SessionGuard(SessionCookie sessionCookie, TokenRefresher refresher, Clock clock) {
        this.sessionCookie = sessionCookie;
        this.refresher = refresher;
        this.clock = clock;
    }

    public SessionLookup lookup(HttpHeaders headers) {
        return sessionCookie.read(headers);
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
        SignedInSession signedIn = new SignedInSession(lookup.session(), refresher, clock);
        CompletionStage<Response.ResponseBuilder> result;
        try {
            result = work.apply(signedIn);
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        return result.handle((builder, failure) -> {
            if (failure != null) {
                if (SpotifyException.endsSession(failure) || SpotifyException.unwrap(failure) instanceof SessionEnded) {
                    return signedOut.answer(true).cookie(sessionCookie.clear()).build();
                }
                throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
            }
            if (signedIn.changed() || lookup.underOldKey()) {
                try {
                    builder.cookie(sessionCookie.write(signedIn.session()));
                } catch (CookieTooLargeException e) {
                    // Spotify's new tokens no longer fit a cookie (S14): the session cannot go on, so it ends cleanly.
                    LOG.infof("Session ended: %s", e.getMessage());
                    return signedOut.answer(true).cookie(sessionCookie.clear()).build();
                }
            }
            return builder.build();
        });
    }
}
