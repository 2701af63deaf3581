package dev.earshot.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits at the edge of the app: {@code EARSHOT_SIGN_IN_RATE_LIMIT}. */
@ConfigMapping(prefix = "earshot")
public interface EdgeConfig {

    /** {@code EARSHOT_SIGN_IN_RATE_LIMIT}: sign-in starts and callbacks per client address and minute (S24). */
    @WithDefault("30")
    int signInRateLimit();
}
