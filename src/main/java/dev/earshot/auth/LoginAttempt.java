package dev.earshot.auth;

import java.time.Instant;

/**
 * One sign-in under way: its state, PKCE verifier, start time, where to land afterwards (S01–S03), and
 * whether it connects the owner's account rather than opening a session.
 */
public record LoginAttempt(String state, String verifier, Instant startedAt, String returnTo, boolean forOwner) {

    @Override
    public String toString() {
        return "LoginAttempt[startedAt=" + startedAt + "]";
    }
}
