package dev.earshot.listening;

import dev.earshot.spotify.SpotifyException;

/** Why a section of the page could not be filled, in words a listener understands (R09). */
public enum Problem {
    RATE_LIMITED("Spotify asked us to slow down. This section will be back in a moment."),
    UNAVAILABLE("Spotify isn't answering right now. Try again in a little while."),
    FORBIDDEN("Spotify didn't let Earshot read this. If this server's Spotify app is in Development Mode, "
            + "ask its owner to add your account to the app's users."),
    SESSION_ENDED("Your Spotify sign-in has expired — please sign in again.");

    private final String message;

    Problem(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }

    public static Problem of(Throwable failure) {
        Throwable cause = SpotifyException.unwrap(failure);
        if (cause instanceof SpotifyException.RateLimited) {
            return RATE_LIMITED;
        }
        if (cause instanceof SpotifyException.Forbidden) {
            return FORBIDDEN;
        }
        if (SpotifyException.endsSession(cause)) {
            return SESSION_ENDED;
        }
        return UNAVAILABLE;
    }
}
