package dev.earshot.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How Earshot's cookies are marked: {@code EARSHOT_SECURE_COOKIES}. */
@ConfigMapping(prefix = "earshot")
public interface CookieConfig {

    /**
     * {@code EARSHOT_SECURE_COOKIES}: Secure with the {@code __Host-} prefix (S11); {@code false} only for
     * plain http on 127.0.0.1 (dev mode's default).
     */
    @WithDefault("true")
    boolean secureCookies();
}
