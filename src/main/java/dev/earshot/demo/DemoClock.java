package dev.earshot.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.time.Instant;
import java.time.InstantSource;

/** The sandbox's notion of now, replaceable in tests so the playback timeline can be pinned. */
@ApplicationScoped
// Typed: exposing it as a plain InstantSource would clash with any clock the app itself produces.
@Typed(DemoClock.class)
public class DemoClock implements InstantSource {

    private final InstantSource source;

    public DemoClock() {
        this(InstantSource.system());
    }

    DemoClock(InstantSource source) {
        this.source = source;
    }

    @Override
    public Instant instant() {
        return source.instant();
    }
}
