package dev.earshot.figures;

import java.time.Instant;

/** When a listener's music history starts and ends: their first and last stream of a track. */
public record HistorySpan(Instant first, Instant last) {}
