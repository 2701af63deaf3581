package dev.earshot.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoTokenCodecTest {

    private static final Instant SIGNED_IN = Instant.parse("2026-11-23T15:04:05.123Z");
    private final DemoTokenCodec codec = new DemoTokenCodec();
    private final DemoToken token = new DemoToken(
            DemoToken.Kind.ACCESS,
            SIGNED_IN,
            SIGNED_IN.plusSeconds(300),
            Set.of("user-top-read", "user-read-recently-played", "odd|scope<>&\"é"),
            "nonce-1");

    @Test
    void whatIsSealedOpensUnchanged() {
        assertEquals(token, codec.open(codec.seal(token)).orElseThrow());
    }

    @Test
    void aTokenWithoutScopesRoundTrips() {
        DemoToken bare = new DemoToken(DemoToken.Kind.REFRESH, SIGNED_IN, SIGNED_IN.plusSeconds(60), Set.of(), "n");
        assertEquals(bare, codec.open(codec.seal(bare)).orElseThrow());
    }

    @Test
    void sameContentDifferentNonceGivesDifferentStrings() {
        DemoToken other = new DemoToken(token.kind(), token.signedInAt(), token.expiresAt(), token.scopes(), "nonce-2");
        assertFalse(codec.seal(token).equals(codec.seal(other)));
    }

    @Test
    void aTamperedPayloadIsRefused() {
        String sealed = codec.seal(token);
        String payload = new String(Base64.getUrlDecoder().decode(sealed.substring(0, sealed.indexOf('.'))));
        String forged = Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(payload.replace("ACCESS", "REFRESH").getBytes())
                + sealed.substring(sealed.indexOf('.'));
        assertTrue(codec.open(forged).isEmpty());
    }

    @Test
    void aTamperedSignatureIsRefused() {
        String sealed = codec.seal(token);
        char last = sealed.charAt(sealed.length() - 2);
        String forged = sealed.substring(0, sealed.length() - 2)
                + (last == 'A' ? 'B' : 'A')
                + sealed.charAt(sealed.length() - 1);
        assertTrue(codec.open(forged).isEmpty());
    }

    @Test
    void garbageIsRefused() {
        assertTrue(codec.open(null).isEmpty());
        assertTrue(codec.open("").isEmpty());
        assertTrue(codec.open("abc").isEmpty());
        assertTrue(codec.open("a.b.c").isEmpty());
        assertTrue(codec.open("!!!.???").isEmpty());
        assertTrue(codec.open(codec.seal(token) + ".").isEmpty());
    }

    @Test
    void expiryIsTheMomentOfExpiresAt() {
        DemoToken opened = codec.open(codec.seal(token)).orElseThrow();
        assertFalse(opened.expiredAt(SIGNED_IN.plusSeconds(299)));
        assertTrue(opened.expiredAt(SIGNED_IN.plusSeconds(300)));
        assertTrue(opened.expiredAt(SIGNED_IN.plusSeconds(3600)));
    }
}
