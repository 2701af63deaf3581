package dev.earshot.demo;

import java.time.Instant;

/** One finished listen of a track, as recently-played reports it. */
record Play(Track track, Instant playedAt) {}
