package dev.earshot.auth;

/**
 * Where to land after sign-in: only a same-origin path (S10). Protocol-relative ({@code //evil}),
 * backslash, encoded-control and scheme tricks all fall back to the dashboard.
 */
public final class ReturnPath {

    public static final String DEFAULT = "/dashboard";
    private static final int MAX_LENGTH = 512;

    private ReturnPath() {
    }

    public static String sanitize(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH) {
            return DEFAULT;
        }
        if (candidate.charAt(0) != '/' || candidate.startsWith("//")) {
            return DEFAULT;
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            // Backslashes become slashes in some browsers; '%' could hide either or a control character.
            if (c < 0x21 || c == 0x7f || c == '\\' || c == '%' || c > 0x7e) {
                return DEFAULT;
            }
        }
        return candidate;
    }
}
