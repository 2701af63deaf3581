package dev.earshot.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The deployer's own account behind the public widget: {@code EARSHOT_OWNER_*} environment variables. */
@ConfigMapping(prefix = "earshot.owner")
public interface OwnerConfig {

    /** {@code EARSHOT_OWNER_ID}: the Spotify user id allowed to (re)connect as the owner at /owner/connect. */
    Optional<String> id();

    /** {@code EARSHOT_OWNER_WARN_BEFORE}: how long before Spotify's six-month limit the owner is warned. */
    @WithDefault("14d")
    Duration warnBefore();

    /** {@code EARSHOT_OWNER_SETUP_CODE_LIFETIME}: how long the setup code printed at start may be used (S27). */
    @WithDefault("30m")
    Duration setupCodeLifetime();
}
