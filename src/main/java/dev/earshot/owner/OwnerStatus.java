package dev.earshot.owner;

import java.time.Instant;

/**
 * How the owner's account stands, for the setup page, the owner's dashboard banner and the readiness
 * check: where its token comes from, whether Spotify still honours it, and when the sign-in ends
 * (unknown for a token from the environment: Spotify does not say when it was signed in), as seen at
 * {@code checkedAt}.
 */
public record OwnerStatus(
        OwnerAccount.Source source,
        boolean offline,
        String userId,
        Instant signedInAt,
        Instant signInEndsAt,
        boolean endingSoon,
        Instant checkedAt) {

    public boolean configured() {
        return source != OwnerAccount.Source.NONE;
    }

    public boolean signInEndKnown() {
        return signInEndsAt != null;
    }

    /** When the sign-in ends, for people: "29 May 2027, in 6 months"; null when unknown. */
    public String signInEndsForPeople() {
        return signInEndsAt == null ? null : ReadableDate.of(signInEndsAt, checkedAt);
    }
}
