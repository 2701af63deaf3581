package dev.earshot.history;

import java.time.Instant;

/**
 * How a listener's recording stands, for the dashboard: on or off, paused (Spotify refused the held sign-in),
 * since when, the newest play recorded, how many plays are kept, and a notice about what just changed.
 * {@code available} is false when the database could not be read (the rest of the dashboard still shows).
 */
public record RecordingStatus(
        boolean available,
        boolean recording,
        boolean paused,
        Instant since,
        Instant lastRecordedAt,
        long playsKept,
        String notice) {

    static RecordingStatus unavailable() {
        return new RecordingStatus(false, false, false, null, null, 0, null);
    }

    RecordingStatus withNotice(String text) {
        return new RecordingStatus(available, recording, paused, since, lastRecordedAt, playsKept, text);
    }
}
