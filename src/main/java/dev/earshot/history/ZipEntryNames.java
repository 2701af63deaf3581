package dev.earshot.history;

/**
 * Whether a zip entry's name stays inside the export (S28): no {@code ..} segment, no absolute path, no drive
 * letter, no backslash or control character. Earshot never writes entries to disk, but a zip with such names was
 * not made by Spotify, so those entries are refused rather than read.
 */
final class ZipEntryNames {

    private ZipEntryNames() {}

    static boolean isSafe(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\")) {
            return false;
        }
        if (name.length() >= 2 && name.charAt(1) == ':') {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                return false;
            }
        }
        for (String segment : name.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                return false;
            }
        }
        return true;
    }
}
