package dev.earshot.demo;

import java.time.Duration;

/** Something the demo listener can have playing: a song or a podcast episode. */
sealed interface Playable permits Track, Episode {

    String id();

    String name();

    Duration duration();
}
