package dev.earshot.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.testing.FuzzInput;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * S10 for any input: whatever arrives as a return path, the redirect after sign-in can be built and
 * stays on this site. Seeded inputs; a failure names its seed ({@code -Dearshot.fuzz.seed=<seed>}).
 */
class ReturnPathPropertyTest {

    private static final URI SITE = URI.create("https://earshot.example/");
    private static final int TRIES = 3000;
    /** The characters that matter in URLs, controls and a few letters, so most tries get past the first check. */
    private static final String URL_PUNCTUATION = "/\\%:?#[]@!$&'()*+,;=<>\"{}|^`~.-_ \t\r\n\u0000\u007fab09Z\u00e9";

    @Test
    void s10_anyStringBecomesASameOriginPath() {
        FuzzInput fuzz = FuzzInput.fromSystemSeed();
        for (int i = 0; i < TRIES; i++) {
            String candidate = fuzz.chance(0.5) ? "/" + fuzz.anyText(60) : fuzz.anyText(60);
            assertSameOriginPath(candidate, fuzz.seed());
        }
    }

    @Test
    void s10_urlPunctuationBecomesASameOriginPath() {
        FuzzInput fuzz = FuzzInput.fromSystemSeed();
        for (int i = 0; i < TRIES; i++) {
            String tail = fuzz.string(URL_PUNCTUATION, 40);
            assertSameOriginPath(fuzz.chance(0.5) ? "/" + tail : tail, fuzz.seed());
        }
    }

    private static void assertSameOriginPath(String candidate, long seed) {
        String path = ReturnPath.sanitize(candidate);
        String context = "seed " + seed + ": " + candidate + " -> " + path;
        assertTrue(path.startsWith("/"), context);
        assertFalse(path.startsWith("//") || path.startsWith("/\\"), context);
        URI uri;
        try {
            uri = URI.create(path);
        } catch (IllegalArgumentException e) {
            throw new AssertionError("the redirect could not be built, " + context, e);
        }
        assertNull(uri.getScheme(), context);
        assertNull(uri.getRawAuthority(), context);
        assertEquals(SITE.getHost(), SITE.resolve(uri).getHost(), context);
    }
}
