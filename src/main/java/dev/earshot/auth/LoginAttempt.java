package dev.earshot.auth;

import java.time.Instant;

/** One sign-in under way: its state, PKCE verifier, start time and where to land afterwards (S01–S03). */
public record LoginAttempt(String state, String verifier, Instant startedAt, String returnTo) {

    @Override
    public String toString() {
        return "LoginAttempt[startedAt=" + startedAt + "]";
    }
}
