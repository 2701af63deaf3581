package dev.earshot.demo;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/**
 * A remote control for the sandbox's player, so browser tests and curious demo users can make the
 * player change now instead of waiting for the cycle: like pressing Next, Pause or Play in Spotify.
 */
// No sign-in and no CSRF check on purpose: it exists only in demo mode (DemoGate) and moves sample data.
@Path(DemoSandbox.REMOTE_PATH)
public class RemoteResource {

    private final DemoPlayback playback;
    private final DemoClock clock;

    RemoteResource(DemoPlayback playback, DemoClock clock) {
        this.playback = playback;
        this.clock = clock;
    }

    /** The next item from its start, playing. */
    @POST
    @Path("next")
    public void next() {
        playback.skipToNext(clock.instant());
    }

    /** Freezes the player where it is: {@code is_playing} turns false and progress stands still. */
    @POST
    @Path("pause")
    public void pause() {
        playback.pause(clock.instant());
    }

    /** Carries on from where the player was paused. */
    @POST
    @Path("play")
    public void play() {
        playback.resume(clock.instant());
    }

    /** The cycle from its start: its first song (over four minutes long) from the top, playing. */
    @POST
    @Path("restart")
    public void restart() {
        playback.restart(clock.instant());
    }
}
