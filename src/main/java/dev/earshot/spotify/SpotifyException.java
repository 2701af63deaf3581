package dev.earshot.spotify;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * What went wrong talking to Spotify, as a small closed set of meanings the rest of the app can act on.
 */
public abstract sealed class SpotifyException extends RuntimeException {

    private SpotifyException(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    /**
     * True for failures only a new sign-in cures: a 401 after a refresh and retry (R03), or a refresh
     * token Spotify no longer honours (R04: revoked, or past the six-month limit).
     */
    public static boolean endsSession(Throwable failure) {
        Throwable cause = unwrap(failure);
        return cause instanceof Unauthorized || cause instanceof GrantRejected rejected && rejected.isInvalidGrant();
    }

    /** The real failure inside the wrappers that asynchronous stages add around it. */
    public static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /** 401 from the Web API: the access token is expired or revoked. */
    public static final class Unauthorized extends SpotifyException {
        public Unauthorized(String message) {
            super(message, null);
        }
    }

    /** 403: a scope is missing, or the user is not on a Development Mode app's allow-list. */
    public static final class Forbidden extends SpotifyException {
        public Forbidden(String message) {
            super(message, null);
        }
    }

    /** 429: Spotify wants no further calls until {@link #retryAfter()} has passed. */
    public static final class RateLimited extends SpotifyException {
        private final Duration retryAfter;

        public RateLimited(Duration retryAfter) {
            super("Rate limited by Spotify for " + secondsLeft(retryAfter) + " s", null);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }

        /** Whole seconds to wait, rounded up: "back in 0 s" would promise too much. */
        public static long secondsLeft(Duration wait) {
            long seconds = wait.toSeconds();
            return wait.minusSeconds(seconds).isZero() ? seconds : seconds + 1;
        }
    }

    /** 5xx, a timeout, a refused connection or an answer we cannot read: transient by nature. */
    public static final class Unavailable extends SpotifyException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }

        public Unavailable(String message) {
            super(message, null);
        }
    }

    /**
     * The accounts service refused a grant. {@code invalid_grant} means the refresh token or code is
     * dead (revoked, reused, or past Spotify's six-month limit); only a new sign-in cures it.
     */
    public static final class GrantRejected extends SpotifyException {
        private final String error;

        public GrantRejected(String error) {
            super("Spotify refused the grant: " + error, null);
            this.error = error;
        }

        public String error() {
            return error;
        }

        public boolean isInvalidGrant() {
            return "invalid_grant".equals(error);
        }
    }
}
