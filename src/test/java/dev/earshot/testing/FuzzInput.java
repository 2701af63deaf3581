package dev.earshot.testing;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Seeded junk for fuzz tests: strings over chosen alphabets, any UTF-16 text, byte soup and picks
 * (list a choice twice to make it twice as likely). The same seed gives the same inputs, so a failure names its seed and is rerun with
 * {@code -Dearshot.fuzz.seed=<seed>}; without that property every run draws a new seed.
 */
public final class FuzzInput {

    /** Printable ASCII, the characters a URL or header value can carry as written. */
    public static final String PRINTABLE = printableAscii();

    private final long seed;
    private final Random random;

    private FuzzInput(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** A source seeded from {@code -Dearshot.fuzz.seed}, or from the clock when it is not set. */
    public static FuzzInput fromSystemSeed() {
        return new FuzzInput(Long.getLong("earshot.fuzz.seed", System.nanoTime()));
    }

    public long seed() {
        return seed;
    }

    public int upTo(int maxInclusive) {
        return random.nextInt(maxInclusive + 1);
    }

    public boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    @SafeVarargs
    public final <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** Up to {@code maxLength} characters drawn from {@code alphabet}. */
    public String string(String alphabet, int maxLength) {
        int length = upTo(maxLength);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /**
     * Up to {@code maxLength} UTF-16 units of anything: mostly ASCII, some controls, Latin, CJK, emoji and
     * lone surrogates, so that both the likely and the broken reach the code under test.
     */
    public String anyText(int maxLength) {
        int length = upTo(maxLength);
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            switch (random.nextInt(6)) {
                case 0, 1 -> text.append((char) (0x20 + random.nextInt(0x5f)));
                case 2 -> text.append((char) random.nextInt(0x20));
                case 3 -> text.append((char) (0x80 + random.nextInt(0x700)));
                case 4 -> text.append((char) (0x4e00 + random.nextInt(0x5000)));
                default ->
                    text.append(
                            chance(0.5) ? "\uD83C\uDFB5" : Character.toString((char) (0xD800 + random.nextInt(0x800))));
            }
        }
        return text.toString();
    }

    /** Up to {@code maxBytes} random bytes, base64url without padding. */
    public String base64Junk(int maxBytes) {
        byte[] bytes = new byte[upTo(maxBytes)];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Between {@code min} and {@code max} values from {@code maker}. */
    public List<String> list(int min, int max, Supplier<String> maker) {
        int size = min + upTo(max - min);
        List<String> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(maker.get());
        }
        return values;
    }

    private static String printableAscii() {
        StringBuilder chars = new StringBuilder();
        for (char c = '!'; c <= '~'; c++) {
            chars.append(c);
        }
        return chars.toString();
    }
}
