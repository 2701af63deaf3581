package dev.earshot.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/** How a client identified itself at the token endpoint: HTTP Basic, or form fields; the secret may be absent (PKCE). */
record ClientCredentials(String clientId, Optional<String> secret) {

    /** Basic auth wins over form fields, as in Spotify; empty when the client did not identify itself at all. */
    static Optional<ClientCredentials> from(String authorization, String formClientId, String formSecret) {
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(
                        Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0
                        ? Optional.empty()
                        : Optional.of(new ClientCredentials(
                                decoded.substring(0, colon), Optional.of(decoded.substring(colon + 1))));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        if (formClientId == null || formClientId.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ClientCredentials(
                formClientId, Optional.ofNullable(formSecret).filter(secret -> !secret.isEmpty())));
    }

    boolean isSandboxClient() {
        return DemoSandbox.CLIENT_ID.equals(clientId);
    }

    /** True only when a secret was sent and it is the right one. */
    boolean hasRightSecret() {
        return secret.map(given -> MessageDigest.isEqual(
                        given.getBytes(StandardCharsets.UTF_8),
                        DemoSandbox.CLIENT_SECRET.getBytes(StandardCharsets.UTF_8)))
                .orElse(false);
    }

    boolean sentSecret() {
        return secret.isPresent();
    }
}
