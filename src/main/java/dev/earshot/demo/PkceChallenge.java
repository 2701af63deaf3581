package dev.earshot.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** An S256 PKCE code challenge from an authorize request, checked against the verifier at the token exchange. */
record PkceChallenge(String value) {

    boolean isSatisfiedBy(String verifier) {
        if (verifier == null || verifier.isEmpty()) {
            return false;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            byte[] expected = Base64.getUrlEncoder().withoutPadding().encodeToString(digest)
                    .getBytes(StandardCharsets.US_ASCII);
            // Constant time, so the answer's timing says nothing about how close a guess was.
            return MessageDigest.isEqual(expected, value.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
