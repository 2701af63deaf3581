package dev.earshot.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 of a text's UTF-8 bytes for the sandbox (PKCE checks, token keys, stable ids and cover art).
 * The sandbox's own copy of {@code web.Sha256}: it plays Spotify and may use nothing of the app.
 */
final class SandboxDigest {

    private SandboxDigest() {}

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
