package dev.earshot.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Which built-in helpers are switched on: the Spotify sandbox ({@code EARSHOT_DEMO}) and /setup ({@code EARSHOT_SETUP}). */
@ConfigMapping(prefix = "earshot")
public interface ModeConfig {

    /**
     * {@code EARSHOT_DEMO}: the built-in Spotify sandbox plays Spotify. Unset, it is on in dev mode without
     * {@code SPOTIFY_CLIENT_ID} and off elsewhere; the sandbox's configuration source decides that and
     * always sets this key, with the sandbox's addresses and client (so there is no default here).
     */
    boolean demo();

    /** {@code EARSHOT_SETUP}: serve /setup outside dev and demo mode. */
    @WithDefault("false")
    boolean setup();
}
