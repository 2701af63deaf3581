package dev.earshot.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.web.UrlSafeRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** S01, S02: state and PKCE values. */
class PkceChallengeTest {

    @Test
    void s02_challengeIsBase64urlSha256OfTheVerifier_rfc7636AppendixB() {
        assertEquals(
                "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                PkceChallenge.challengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    }

    @Test
    void s02_verifierIs32RandomBytesAndMatchesItsChallenge() {
        PkceChallenge first = PkceChallenge.create();
        PkceChallenge second = PkceChallenge.create();
        assertEquals(32, Base64.getUrlDecoder().decode(first.verifier()).length);
        assertEquals(PkceChallenge.challengeOf(first.verifier()), first.challenge());
        assertNotEquals(first.verifier(), second.verifier());
        assertEquals("S256", PkceChallenge.METHOD);
        assertTrue(!first.toString().contains(first.verifier()), "verifier never printed");
    }

    @Test
    void s01_randomValuesAreUrlSafeAndLongEnough() {
        String state = UrlSafeRandom.ofBytes(32);
        assertTrue(state.matches("[A-Za-z0-9_-]{43}"), state);
        assertNotEquals(state, UrlSafeRandom.ofBytes(32));
    }
}
