package dev.earshot.demo;

import java.time.Duration;

/** A sample podcast episode. */
record Episode(String id, String name, Duration duration, String releaseDate, Show show) implements Playable {}
