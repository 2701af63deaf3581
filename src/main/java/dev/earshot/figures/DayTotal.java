package dev.earshot.figures;

import java.time.LocalDate;

/** A listener's music on one local day of the viewer's time zone. */
public record DayTotal(LocalDate day, long plays, long msPlayed) {

    public long minutes() {
        return msPlayed / 60_000;
    }

    DayTotal plus(long morePlays, long moreMs) {
        return new DayTotal(day, plays + morePlays, msPlayed + moreMs);
    }
}
