package dev.earshot.auth;

/**
 * Where to land after sign-in: only a same-origin path (S10). Protocol-relative ({@code //evil}),
 * backslash, encoded-control and scheme tricks all fall back to the dashboard; printable characters a
 * URI may not hold ({@code | < > { } [ ] ^ " `} and {@code #}) are percent-encoded, so the final redirect
 * can always be built.
 */
public final class ReturnPath {

    public static final String DEFAULT = "/dashboard";
    private static final int MAX_LENGTH = 512;
    /** Printable ASCII that passes the checks below but that {@code java.net.URI} refuses in a path or query. */
    private static final String ENCODED = "\"<>^`{|}[]#";

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private ReturnPath() {}

    public static String sanitize(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH) {
            return DEFAULT;
        }
        if (candidate.charAt(0) != '/' || candidate.startsWith("//")) {
            return DEFAULT;
        }
        StringBuilder path = new StringBuilder(candidate.length());
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            // Backslashes become slashes in some browsers; '%' could hide either or a control character.
            if (c < 0x21 || c == 0x7f || c == '\\' || c == '%' || c > 0x7e) {
                return DEFAULT;
            }
            if (ENCODED.indexOf(c) >= 0) {
                path.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            } else {
                path.append(c);
            }
        }
        return path.length() > MAX_LENGTH ? DEFAULT : path.toString();
    }
}
