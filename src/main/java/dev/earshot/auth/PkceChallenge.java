package dev.earshot.auth;

import dev.earshot.web.Sha256;
import dev.earshot.web.UrlSafeRandom;
import java.util.Base64;

/** A PKCE pair, S256 only (RFC 7636, S02): 32 random bytes of verifier and its SHA-256 challenge. */
public record PkceChallenge(String verifier, String challenge) {

    public static final String METHOD = "S256";

    public static PkceChallenge create() {
        String verifier = UrlSafeRandom.ofBytes(32);
        return new PkceChallenge(verifier, challengeOf(verifier));
    }

    public static String challengeOf(String verifier) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Sha256.of(verifier));
    }

    @Override
    public String toString() {
        return "PkceChallenge[challenge=" + challenge + "]";
    }
}
