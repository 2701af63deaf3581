package dev.earshot.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** S10 for any input: whatever arrives as a return path, the redirect after sign-in can be built and stays on this site. */
class ReturnPathPropertyTest {

    private static final URI SITE = URI.create("https://earshot.example/");

    @Property(tries = 3000)
    @Label("S10 any string becomes a same-origin relative path that URI.create accepts")
    void s10_anyStringBecomesASameOriginPath(@ForAll String candidate) {
        assertSameOriginPath(ReturnPath.sanitize(candidate));
    }

    @Property(tries = 3000)
    @Label("S10 strings of URL punctuation become a same-origin relative path that URI.create accepts")
    void s10_urlPunctuationBecomesASameOriginPath(@ForAll("pathLike") String candidate) {
        assertSameOriginPath(ReturnPath.sanitize(candidate));
    }

    /** Mostly '/'-led strings of the characters that matter in URLs, so most tries get past the first check. */
    @Provide
    Arbitrary<String> pathLike() {
        Arbitrary<String> tail = Arbitraries.strings()
                .withChars("/\\%:?#[]@!$&'()*+,;=<>\"{}|^`~.-_ \t\r\n\u0000\u007fab09Zé")
                .ofMaxLength(40);
        return Arbitraries.oneOf(tail.map(t -> "/" + t), tail);
    }

    private static void assertSameOriginPath(String path) {
        assertTrue(path.startsWith("/"), path);
        assertFalse(path.startsWith("//") || path.startsWith("/\\"), path);
        URI uri = URI.create(path);
        assertNull(uri.getScheme(), path);
        assertNull(uri.getRawAuthority(), path);
        assertEquals(SITE.getHost(), SITE.resolve(uri).getHost(), path);
    }
}
