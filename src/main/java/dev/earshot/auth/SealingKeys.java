package dev.earshot.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 keys cookies are sealed with, derived from {@code EARSHOT_SESSION_SECRET} and, during a
 * rotation, {@code EARSHOT_SESSION_SECRET_PREVIOUS}. Each key has a short id that travels in the
 * sealed value so opening picks the right key without trying all of them.
 */
public final class SealingKeys {

    /** One derived key and its public id. */
    public record Key(String id, SecretKey secretKey) {
        @Override
        public String toString() {
            return "Key[" + id + "]";
        }
    }

    private final Key current;
    private final List<Key> all;

    public SealingKeys(String currentSecret, Optional<String> previousSecret) {
        this.current = derive(currentSecret);
        List<Key> keys = new ArrayList<>(List.of(current));
        previousSecret
                .filter(s -> !s.isBlank())
                .map(SealingKeys::derive)
                .filter(key -> !key.id().equals(current.id()))
                .ifPresent(keys::add);
        this.all = List.copyOf(keys);
    }

    public Key current() {
        return current;
    }

    public Optional<Key> byId(String id) {
        return all.stream().filter(key -> key.id().equals(id)).findFirst();
    }

    private static Key derive(String secret) {
        byte[] secretBytes = secret.getBytes(StandardCharsets.UTF_8);
        // Separate HMAC labels keep the key and its public id independent of each other.
        byte[] keyBytes = hmac(secretBytes, "earshot cookie sealing key v1");
        byte[] idBytes = hmac(secretBytes, "earshot cookie key id v1");
        String id =
                Base64.getUrlEncoder().withoutPadding().encodeToString(idBytes).substring(0, 8);
        return new Key(id, new SecretKeySpec(keyBytes, "AES"));
    }

    private static byte[] hmac(byte[] key, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
