package dev.earshot.owner;

import java.time.Instant;

/** What survives a restart of the owner's account: the newest refresh token, when it was signed in, and whose it is. */
public record StoredOwner(String refreshToken, Instant signedInAt, String userId) {

    @Override
    public String toString() {
        return "StoredOwner[user=" + userId + ", signedInAt=" + signedInAt + "]";
    }
}
