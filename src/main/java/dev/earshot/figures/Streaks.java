package dev.earshot.figures;

import java.time.LocalDate;

/**
 * Runs of listening days (days with at least one play).
 *
 * @param longest the longest run of consecutive listening days, 0 when there is none
 * @param longestFrom its first day, null when there is none (the earliest such run when several are as long)
 * @param longestTo its last day
 * @param current the run that ends today, or yesterday when today has no play yet; 0 when neither has one
 */
public record Streaks(int longest, LocalDate longestFrom, LocalDate longestTo, int current) {

    public static final Streaks NONE = new Streaks(0, null, null, 0);
}
