package dev.earshot.listening;

import java.time.Duration;
import java.time.Instant;

/**
 * What is known of one piece of a listener's data: the last good value (null when there is none), when
 * Spotify gave it, and the failure since then, if any, with the time before which no new call is made.
 */
record Cached<V>(V value, Instant fetchedAt, Problem problem, Instant quietUntil) {

    static <V> Cached<V> fresh(V value, Instant fetchedAt) {
        return new Cached<>(value, fetchedAt, null, null);
    }

    /** The same value, now known to be out of date for {@code problem}; no call before {@code until}. */
    static <V> Cached<V> failed(Cached<V> before, Problem problem, Instant until) {
        return before == null
                ? new Cached<>(null, null, problem, until)
                : new Cached<>(before.value, before.fetchedAt, problem, until);
    }

    boolean hasValue() {
        return value != null;
    }

    boolean stale() {
        return problem != null;
    }

    /** True when a call to Spotify is due: the value is older than {@code freshFor}, or the pause after a failure is over. */
    boolean due(Instant now, Duration freshFor) {
        if (problem != null) {
            return !now.isBefore(quietUntil);
        }
        return !now.isBefore(fetchedAt.plus(freshFor));
    }

    /** The part of the page this makes: the value (stale or not), or the problem with the time left when rate limited. */
    Section<V> section(Instant now) {
        Duration retryIn = problem == Problem.RATE_LIMITED && quietUntil != null && now.isBefore(quietUntil)
                ? Duration.between(now, quietUntil)
                : null;
        if (value == null) {
            return Section.failed(problem == null ? Problem.UNAVAILABLE : problem, retryIn);
        }
        return problem == null ? Section.of(value) : Section.stale(value, problem, retryIn);
    }
}
