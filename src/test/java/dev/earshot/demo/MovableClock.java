package dev.earshot.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock the tests set and move by hand. */
final class MovableClock implements InstantSource {

    private volatile Instant now;

    MovableClock(Instant start) {
        this.now = start;
    }

    void set(Instant instant) {
        now = instant;
    }

    void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
