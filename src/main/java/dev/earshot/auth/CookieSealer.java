package dev.earshot.auth;

import dev.earshot.web.UrlSafeRandom;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals and opens cookie values with AES-256-GCM (S12): a fresh 96-bit nonce per seal, the cookie's
 * purpose and the format version bound as associated data, and the key id in the clear.
 * Format: {@code v1.<key id>.<base64url(nonce || ciphertext+tag)>}.
 */
public final class CookieSealer {

    private static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    /** What opening found: the plaintext, and whether it was sealed under the previous key. */
    public record Opened(byte[] plaintext, boolean underOldKey) {}

    private final SealingKeys keys;

    public CookieSealer(SealingKeys keys) {
        this.keys = keys;
    }

    public String seal(String purpose, byte[] plaintext) {
        SealingKeys.Key key = keys.current();
        byte[] nonce = UrlSafeRandom.bytes(NONCE_BYTES);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(purpose));
            byte[] sealed = cipher.doFinal(plaintext);
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
            return VERSION + "." + key.id() + "."
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** The plaintext, or empty for anything that is not an intact value sealed by one of our keys for this purpose. */
    public Optional<Opened> open(String purpose, String value) {
        if (value == null || value.length() > 8192) {
            return Optional.empty();
        }
        String[] parts = value.split("\\.", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            return Optional.empty();
        }
        Optional<SealingKeys.Key> key = keys.byId(parts[1]);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] raw = Base64.getUrlDecoder().decode(parts[2]);
            if (raw.length < NONCE_BYTES + TAG_BITS / 8) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE, key.get().secretKey(), new GCMParameterSpec(TAG_BITS, raw, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(purpose));
            byte[] plaintext = cipher.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES);
            return Optional.of(new Opened(plaintext, !key.get().equals(keys.current())));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private static byte[] associatedData(String purpose) {
        return ("earshot|" + VERSION + "|" + purpose).getBytes(StandardCharsets.UTF_8);
    }
}
