package dev.earshot.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How sessions are sealed and how long they last: {@code EARSHOT_SESSION_*} environment variables. */
@ConfigMapping(prefix = "earshot.session")
public interface SessionConfig {

    /** {@code EARSHOT_SESSION_SECRET}: at least 32 bytes; the same on every replica (S15). */
    Optional<String> secret();

    /** {@code EARSHOT_SESSION_SECRET_PREVIOUS}: the secret before a rotation, still accepted for opening (S12). */
    Optional<String> secretPrevious();

    /**
     * {@code EARSHOT_SESSION_LIFETIME}: absolute lifetime from sign-in (S13). Spotify's refresh tokens die
     * six months after sign-in, so a session cannot usefully outlive that.
     */
    @WithDefault("180d")
    Duration lifetime();
}
