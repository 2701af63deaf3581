package dev.earshot.spotify;

import io.quarkus.arc.Arc;

/** Ends the app-wide quiet period from the test side: one test's 429 must not silence the next test (R11 is app-wide). */
public final class QuietPeriodReset {

    private QuietPeriodReset() {}

    /** Lets the running app call Spotify again at once; does nothing when no app runs. */
    public static void endNow() {
        var container = Arc.container();
        if (container != null && container.isRunning()) {
            container.instance(SpotifyQuietPeriod.class).get().end();
        }
    }
}
