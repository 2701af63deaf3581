package dev.earshot.listening;

import dev.earshot.spotify.SpotifyException;
import java.time.Duration;

/**
 * One part of a page: its value, the problem that kept it empty, or both when an older value is shown
 * because Spotify failed (stale); {@code retryIn} is how long Spotify asked us to wait, when it did.
 */
public record Section<T>(T value, Problem problem, Duration retryIn) {

    public static <T> Section<T> of(T value) {
        return new Section<>(value, null, null);
    }

    public static <T> Section<T> failed(Problem problem) {
        return new Section<>(null, problem, null);
    }

    public static <T> Section<T> failed(Problem problem, Duration retryIn) {
        return new Section<>(null, problem, retryIn);
    }

    /** The last good value, shown while Spotify fails for {@code problem}. */
    public static <T> Section<T> stale(T value, Problem problem, Duration retryIn) {
        return new Section<>(value, problem, retryIn);
    }

    /** True when fresh: a value and no problem. */
    public boolean ok() {
        return problem == null;
    }

    /** True when there is something to show, fresh or stale. */
    public boolean hasValue() {
        return value != null;
    }

    public boolean stale() {
        return value != null && problem != null;
    }

    /** The problem in plain words, with the seconds left when Spotify asked us to slow down. */
    public String message() {
        if (problem == null) {
            return null;
        }
        if (problem == Problem.RATE_LIMITED && retryIn != null) {
            return "Spotify asked us to slow down — back in " + SpotifyException.RateLimited.secondsLeft(retryIn)
                    + " s.";
        }
        return problem.message();
    }
}
