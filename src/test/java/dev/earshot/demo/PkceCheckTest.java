package dev.earshot.demo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PkceCheckTest {

    // RFC 7636, appendix B.
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final PkceCheck CHALLENGE = new PkceCheck("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");

    @Test
    void theRfcExampleVerifierSatisfiesItsChallenge() {
        assertTrue(CHALLENGE.isSatisfiedBy(VERIFIER));
    }

    @Test
    void anyOtherVerifierDoesNot() {
        assertFalse(CHALLENGE.isSatisfiedBy(VERIFIER.substring(1)));
        assertFalse(CHALLENGE.isSatisfiedBy(VERIFIER + "x"));
        assertFalse(CHALLENGE.isSatisfiedBy(""));
        assertFalse(CHALLENGE.isSatisfiedBy(null));
        // The plain method is not supported: the challenge itself is no verifier.
        assertFalse(CHALLENGE.isSatisfiedBy(CHALLENGE.value()));
    }
}
