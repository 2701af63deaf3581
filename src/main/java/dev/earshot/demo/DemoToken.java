package dev.earshot.demo;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What an access or refresh token of the sandbox carries. Everything is inside the token, so tokens
 * outlive dev-mode reloads and restarts without any server-side store.
 */
record DemoToken(Kind kind, Instant signedInAt, Instant expiresAt, Set<String> scopes, String nonce) {

    enum Kind {
        ACCESS,
        REFRESH
    }

    DemoToken {
        // Insertion order kept, so the answer lists scopes as they were asked for.
        scopes = Collections.unmodifiableSet(new LinkedHashSet<>(scopes));
    }

    boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
