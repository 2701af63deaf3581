package dev.earshot.owner;

import java.time.Instant;

/** What the owner's token file of earlier versions held: the newest refresh token, when it was signed in, and whose it is. */
public record StoredOwner(String refreshToken, Instant signedInAt, String userId) {

    @Override
    public String toString() {
        return "StoredOwner[user=" + userId + ", signedInAt=" + signedInAt + "]";
    }
}
