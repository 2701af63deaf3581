package dev.earshot.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The sandbox's side of PKCE: the S256 code challenge an authorize request carried, checked against the
 * verifier at the token exchange (the app's side, which makes the pair, is {@code auth.PkceChallenge}).
 */
record PkceCheck(String value) {

    boolean isSatisfiedBy(String verifier) {
        if (verifier == null || verifier.isEmpty()) {
            return false;
        }
        byte[] expected = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(SandboxDigest.sha256(verifier))
                .getBytes(StandardCharsets.US_ASCII);
        // Constant time, so the answer's timing says nothing about how close a guess was.
        return MessageDigest.isEqual(expected, value.getBytes(StandardCharsets.US_ASCII));
    }
}
