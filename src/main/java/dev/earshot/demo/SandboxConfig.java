package dev.earshot.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/** The sandbox's switch and its one setting of its own: {@code EARSHOT_DEMO*}. */
@ConfigMapping(prefix = "earshot")
public interface SandboxConfig {

    /** {@code EARSHOT_DEMO}; always set by {@link DemoConfigSource}, which holds its default. */
    @WithName("demo")
    boolean enabled();

    /**
     * {@code EARSHOT_DEMO_ACCESS_TOKEN_LIFETIME}: short by default (Spotify's is an hour) so the app's silent
     * refresh happens while you watch.
     */
    @WithName("demo.access-token-lifetime")
    @WithDefault("5m")
    Duration accessTokenLifetime();
}
