package dev.earshot.demo;

import java.time.Duration;
import java.time.Instant;

/** What the demo listener's player shows at one moment; {@code changedAt} is when it last started, paused or resumed. */
record PlaybackState(Playable item, Duration progress, boolean playing, Instant changedAt) {}
