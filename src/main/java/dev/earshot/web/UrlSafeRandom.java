package dev.earshot.web;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Unguessable values (state, PKCE verifiers, nonces, correlation ids) as base64url without padding. In
 * {@code web}, the leaf every package may use, so correlation ids need no arrow back into {@code auth}.
 */
public final class UrlSafeRandom {

    private static final SecureRandom RANDOM = new SecureRandom();

    private UrlSafeRandom() {}

    public static String ofBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
