package dev.earshot.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.earshot.auth.CookieSealer;
import dev.earshot.auth.SealingKeys;
import dev.earshot.testing.CookieNames;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** S12: the sealing is AES with a 256-bit key, a 96-bit nonce and a full 128-bit GCM tag, as the requirement names them. */
class SealingStrengthTest {

    private static final String SECRET = "sealing-strength-test-secret-0123456789abcdef";

    @Test
    void s12_keysAreAes256ForTheCurrentAndThePreviousSecret() {
        SealingKeys keys = new SealingKeys(SECRET, Optional.of("the-previous-secret-0123456789abcdef-012345"));
        assertEquals("AES", keys.current().secretKey().getAlgorithm());
        assertEquals(32, keys.current().secretKey().getEncoded().length, "256-bit key");
        SealingKeys previousOnly = new SealingKeys("the-previous-secret-0123456789abcdef-012345", Optional.empty());
        assertEquals(
                32,
                keys.byId(previousOnly.current().id()).orElseThrow().secretKey().getEncoded().length,
                "the previous key is as strong");
    }

    @Test
    void s12_eachSealIsA96BitNoncePlusTheCiphertextAndA128BitTag() {
        CookieSealer sealer = new CookieSealer(new SealingKeys(SECRET, Optional.empty()));
        for (int length : new int[] {0, 1, 100, 1000}) {
            byte[] plaintext = "x".repeat(length).getBytes(StandardCharsets.UTF_8);
            String[] parts = sealer.seal(CookieNames.PLAIN_SESSION, plaintext).split("\\.");
            assertEquals(3, parts.length, "version, key id, payload");
            byte[] payload = Base64.getUrlDecoder().decode(parts[2]);
            assertEquals(
                    12 + length + 16, payload.length, "96-bit nonce, ciphertext as long as the plaintext, 128-bit tag");
        }
    }
}
