package dev.earshot.figures;

/**
 * What the rollups' {@code artist_prefix} holds for an artist: its first 200 characters, as the database's own
 * {@code LEFT(artist, 200)} counts them when it builds the rollups — code points on PostgreSQL, UTF-16 units on H2.
 * Worked out here so that lookups can name plain values, which both databases find through the artist index.
 * {@link #UTF16_UNITS} is H2's, and {@code RollupReads} reads it so.
 */
enum ArtistPrefix {
    CODE_POINTS,
    UTF16_UNITS;

    static final int LENGTH = 200;

    static ArtistPrefix of(boolean postgresql) {
        return postgresql ? CODE_POINTS : UTF16_UNITS;
    }

    String of(String artist) {
        if (this == UTF16_UNITS) {
            return artist.length() <= LENGTH ? artist : artist.substring(0, LENGTH);
        }
        return artist.codePointCount(0, artist.length()) <= LENGTH
                ? artist
                : artist.substring(0, artist.offsetByCodePoints(0, LENGTH));
    }
}
