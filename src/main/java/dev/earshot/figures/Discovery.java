package dev.earshot.figures;

import java.time.Instant;
import java.util.List;

/**
 * What was new and what was left behind: artists first played in the period, and "forgotten favourites" — artists
 * among the top of an earlier calendar year (UTC) who have not been played since that year.
 *
 * @param newArtists how many artists were played for the first time ever in the period
 * @param firstHeard the first of those, most played first
 */
public record Discovery(long newArtists, List<Ranked> firstHeard, List<ForgottenFavourite> forgotten) {

    /** An artist who was among the top of {@code year} and has not been played since. */
    public record ForgottenFavourite(String artist, int year, int rankThatYear, long playsThatYear, Instant lastPlay) {}
}
