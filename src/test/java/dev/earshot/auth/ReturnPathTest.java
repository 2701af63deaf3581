package dev.earshot.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** S10: only same-origin paths survive. */
class ReturnPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/dashboard", "/dashboard?range=long_term", "/"})
    void s10_sameOriginPathsAreKept(String path) {
        assertEquals(path, ReturnPath.sanitize(path));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "//evil.example",
                "/\\evil.example",
                "/%09/evil.example",
                "/%2F/evil",
                "https://evil.example",
                "javascript:alert(1)",
                "dashboard",
                "/\tx",
                "/\nx",
                "/\u0000",
                " /x",
                "/ünï",
                ""
            })
    void s10_everythingElseFallsBackToTheDashboard(String path) {
        assertEquals("/dashboard", ReturnPath.sanitize(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/dashboard|x", "/a<b>c", "/{x}", "/[0]", "/x^y", "/\"q\"", "/`x`", "/page#a#b"})
    void s10_charactersAUriCannotHoldArePercentEncoded(String path) {
        String sanitized = ReturnPath.sanitize(path);
        assertEquals(
                path.length() + 2 * (sanitized.chars().filter(c -> c == '%').count()), sanitized.length(), sanitized);
        assertEquals(sanitized, URI.create(sanitized).toString());
    }

    @ParameterizedTest
    @ValueSource(ints = {513, 5000})
    void s10_overlongPathsFallBack(int length) {
        assertEquals("/dashboard", ReturnPath.sanitize("/" + "a".repeat(length)));
    }
}
