package dev.earshot.history;

import dev.earshot.web.Sha256;
import java.util.Base64;

/** A short fixed-length stand-in for names in a unique key (names may be 1,000 code points long). */
final class NameDigest {

    private NameDigest() {}

    static String of(String... parts) {
        StringBuilder joined = new StringBuilder();
        for (String part : parts) {
            // A separator that cannot occur in names keeps ("ab", "c") and ("a", "bc") apart.
            joined.append(part == null ? "" : part).append('\u0000');
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Sha256.of(joined.toString()));
    }
}
