package dev.earshot.listening;

import java.time.Instant;

/** One entry of recently played. */
public record Play(Track track, Instant playedAt) {}
