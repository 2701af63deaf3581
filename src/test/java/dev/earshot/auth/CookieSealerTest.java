package dev.earshot.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** S12: AES-256-GCM sealing, purpose binding, key ids and rotation. */
class CookieSealerTest {

    private static final String SECRET = "unit-test-secret-0123456789abcdef-0123456789";
    private static final byte[] PLAIN = "{\"a\":\"token\"}".getBytes(StandardCharsets.UTF_8);

    private final CookieSealer sealer = new CookieSealer(new SealingKeys(SECRET, Optional.empty()));

    @Test
    void s12_roundTripsAndHidesThePlaintext() {
        String sealed = sealer.seal("session", PLAIN);
        assertFalse(sealed.contains("token"));
        assertTrue(sealed.startsWith("v1."));
        var opened = sealer.open("session", sealed).orElseThrow();
        assertArrayEquals(PLAIN, opened.plaintext());
        assertFalse(opened.underOldKey());
    }

    @Test
    void s12_everySealUsesAFreshNonce() {
        Set<String> values = new HashSet<>();
        Set<String> nonces = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String sealed = sealer.seal("session", PLAIN);
            values.add(sealed);
            byte[] raw = Base64.getUrlDecoder().decode(sealed.split("\\.")[2]);
            nonces.add(Base64.getEncoder().encodeToString(Arrays.copyOf(raw, 12)));
        }
        assertEquals(50, values.size());
        assertEquals(50, nonces.size());
    }

    @Test
    void s12_anyChangedByteFailsToOpen() {
        String sealed = sealer.seal("session", PLAIN);
        byte[] raw = Base64.getUrlDecoder().decode(sealed.split("\\.")[2]);
        for (int i = 0; i < raw.length; i++) {
            byte[] copy = raw.clone();
            copy[i] ^= 1;
            String tampered = "v1." + sealed.split("\\.")[1] + "."
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(copy);
            assertTrue(sealer.open("session", tampered).isEmpty(), "byte " + i);
        }
    }

    @Test
    void s12_purposeAndVersionAreBound() {
        String sealed = sealer.seal("session", PLAIN);
        assertTrue(sealer.open("login", sealed).isEmpty(), "another cookie's purpose");
        assertTrue(sealer.open("session", "v2" + sealed.substring(2)).isEmpty(), "another version");
    }

    @Test
    void s12_garbageNeverThrows() {
        for (String value : new String[] {
            null, "", ".", "..", "v1..", "v1.x.y", "v1.x.!!!", "v1." + "a".repeat(10) + ".AAAA", "x".repeat(10_000)
        }) {
            assertTrue(sealer.open("session", value).isEmpty(), String.valueOf(value));
        }
    }

    @Test
    void s12_previousKeyOpensAndIsFlaggedForResealing() {
        String underOld = sealer.seal("session", PLAIN);
        CookieSealer rotated =
                new CookieSealer(new SealingKeys("brand-new-secret-0123456789abcdef-012345", Optional.of(SECRET)));
        var opened = rotated.open("session", underOld).orElseThrow();
        assertTrue(opened.underOldKey());
        assertArrayEquals(PLAIN, opened.plaintext());
        String resealed = rotated.seal("session", opened.plaintext());
        assertNotEquals(underOld.split("\\.")[1], resealed.split("\\.")[1], "new key id");
        assertFalse(rotated.open("session", resealed).orElseThrow().underOldKey());
    }

    @Test
    void s12_foreignKeyCannotOpen() {
        CookieSealer foreign =
                new CookieSealer(new SealingKeys("somebody-elses-secret-0123456789abcdef", Optional.empty()));
        assertTrue(foreign.open("session", sealer.seal("session", PLAIN)).isEmpty());
    }
}
