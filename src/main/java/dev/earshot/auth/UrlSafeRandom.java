package dev.earshot.auth;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable values (state, PKCE verifiers, correlation ids) as base64url without padding. */
public final class UrlSafeRandom {

    private static final SecureRandom RANDOM = new SecureRandom();

    private UrlSafeRandom() {
    }

    public static String ofBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
