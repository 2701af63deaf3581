package dev.earshot.demo;

import java.time.Duration;
import java.util.List;

/** A sample song. */
record Track(String id, String name, Duration duration, boolean explicit, Album album, List<Artist> artists)
        implements Playable {}
