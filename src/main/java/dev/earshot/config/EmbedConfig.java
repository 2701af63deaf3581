package dev.earshot.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the public widget may be framed: {@code EARSHOT_FRAME_ANCESTORS}. */
@ConfigMapping(prefix = "earshot")
public interface EmbedConfig {

    /** {@code EARSHOT_FRAME_ANCESTORS}: the iframe page's CSP {@code frame-ancestors} sources (S19); any site by default. */
    @WithDefault("*")
    String frameAncestors();
}
