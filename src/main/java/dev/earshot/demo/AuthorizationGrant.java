package dev.earshot.demo;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** What an authorization code stands for until the app exchanges it at the token endpoint. */
record AuthorizationGrant(
        String clientId, String redirectUri, Set<String> scopes, Optional<PkceCheck> challenge, Instant issuedAt) {

    AuthorizationGrant {
        scopes = Collections.unmodifiableSet(new LinkedHashSet<>(scopes));
    }
}
