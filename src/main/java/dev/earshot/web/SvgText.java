package dev.earshot.web;

/**
 * Untrusted text made safe for SVG (S22): only characters XML 1.0 allows, shortened to fit a width by whole
 * code points (an emoji is never cut in half), then escaped for text and attributes. One set of rules for every
 * SVG Earshot draws: the README card, the recap's card and the charts.
 */
public final class SvgText {

    public static final String ELLIPSIS = "\u2026";

    /** Bounds the output even for names made of thousands of zero-width marks. */
    static final int MAX_CODE_POINTS = 200;

    /** Average advance of a proportional sans-serif glyph, in ems; an estimate, so charts leave some slack. */
    private static final double NARROW = 0.56;

    private static final double CAPITAL = 0.70;
    private static final double SPACE = 0.30;
    private static final double WIDE = 1.0;

    private SvgText() {}

    /**
     * {@code text} with what XML 1.0 forbids or discourages removed (control characters, lone surrogates,
     * U+FFFE, U+FFFF) and line breaks and tabs turned into spaces: a label is one line.
     */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            if (codePoint == '\t' || codePoint == '\n' || codePoint == '\r') {
                out.append(' ');
            } else if (isXmlCharacter(codePoint)) {
                out.appendCodePoint(codePoint);
            }
        });
        return out.toString().strip();
    }

    /** {@code text} cut to about {@code ems} wide (and {@link #MAX_CODE_POINTS}), with an ellipsis when cut. */
    public static String fit(String text, double ems) {
        double used = 0;
        int count = 0;
        int cut = 0;
        for (int index = 0; index < text.length(); ) {
            int codePoint = text.codePointAt(index);
            double advance = ems(codePoint);
            if (used + advance > ems || count == MAX_CODE_POINTS) {
                return text.substring(0, cut).stripTrailing() + ELLIPSIS;
            }
            used += advance;
            count++;
            index += Character.charCount(codePoint);
            if (used + WIDE <= ems && count < MAX_CODE_POINTS) {
                cut = index;
            }
        }
        return text;
    }

    /** Escaped for XML text and for attribute values in either kind of quotes. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int index = 0; index < text.length(); index++) {
            char c = text.charAt(index);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Whether {@code text} fits in about {@code ems} uncut. */
    public static boolean fits(String text, double ems) {
        return fit(text, ems).equals(text);
    }

    /** Longest text kept whole in a {@code <title>} or {@code <desc>}: names of 1000 characters fit. */
    public static final int MAX_FULL_CODE_POINTS = 2000;

    /** {@code text} cleaned and escaped, uncut up to {@link #MAX_FULL_CODE_POINTS} (for titles and tables). */
    public static String full(String text) {
        return escape(whole(text));
    }

    /** {@code text} cleaned, uncut up to {@link #MAX_FULL_CODE_POINTS}, not escaped (for tables Qute escapes). */
    public static String whole(String text) {
        String clean = clean(text);
        if (clean.codePointCount(0, clean.length()) <= MAX_FULL_CODE_POINTS) {
            return clean;
        }
        return clean.substring(0, clean.offsetByCodePoints(0, MAX_FULL_CODE_POINTS)) + ELLIPSIS;
    }

    /**
     * A name cleaned, fitted and escaped, inside a first-strong isolate: a right-to-left name reads right to
     * left, and its own direction marks (even an unmatched U+202E) end with it.
     */
    public static String name(String text, double ems) {
        return "&#x2068;" + escape(fit(clean(text), ems)) + "&#x2069;";
    }

    private static boolean isXmlCharacter(int codePoint) {
        return codePoint >= 0x20 && codePoint < 0x7F
                || codePoint >= 0xA0 && codePoint <= 0xD7FF
                || codePoint >= 0xE000 && codePoint <= 0xFFFD
                || codePoint >= 0x10000 && codePoint <= 0x10FFFF;
    }

    private static double ems(int codePoint) {
        int type = Character.getType(codePoint);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            return 0;
        }
        if (isWide(codePoint)) {
            return WIDE;
        }
        if (Character.isWhitespace(codePoint)) {
            return SPACE;
        }
        return Character.isUpperCase(codePoint) ? CAPITAL : NARROW;
    }

    /** East Asian wide characters and emoji, which take about a full em. */
    private static boolean isWide(int codePoint) {
        return codePoint >= 0x1100 && codePoint <= 0x115F
                || codePoint >= 0x2600 && codePoint <= 0x27BF
                || codePoint >= 0x2E80 && codePoint <= 0xA4CF
                || codePoint >= 0xAC00 && codePoint <= 0xD7A3
                || codePoint >= 0xF900 && codePoint <= 0xFAFF
                || codePoint >= 0xFE30 && codePoint <= 0xFE4F
                || codePoint >= 0xFF00 && codePoint <= 0xFF60
                || codePoint >= 0xFFE0 && codePoint <= 0xFFE6
                || codePoint >= 0x1F000 && codePoint <= 0x1FAFF
                || codePoint >= 0x20000 && codePoint <= 0x3FFFD;
    }
}
