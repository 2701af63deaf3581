package dev.earshot.figures;

import java.time.YearMonth;

/** One month of something's plays (an artist's, on the artist page), months of UTC. */
public record MonthTotal(YearMonth month, long plays, long msPlayed) {}
