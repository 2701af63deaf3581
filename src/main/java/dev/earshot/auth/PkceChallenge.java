package dev.earshot.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import dev.earshot.web.UrlSafeRandom;

/** A PKCE pair, S256 only (RFC 7636, S02): 32 random bytes of verifier and its SHA-256 challenge. */
public record PkceChallenge(String verifier, String challenge) {

    public static final String METHOD = "S256";

    public static PkceChallenge create() {
        String verifier = UrlSafeRandom.ofBytes(32);
        return new PkceChallenge(verifier, challengeOf(verifier));
    }

    public static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "PkceChallenge[challenge=" + challenge + "]";
    }
}
