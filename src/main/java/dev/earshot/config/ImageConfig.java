package dev.earshot.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** Where and how album art for the SVG card may be fetched server-side (S23): {@code EARSHOT_IMAGE_*}. */
@ConfigMapping(prefix = "earshot.image")
public interface ImageConfig {

    /**
     * {@code EARSHOT_IMAGE_ORIGINS}: comma-separated origins (scheme, host, optional port) art may come
     * from. Only https, unless an http origin is listed here explicitly (a local test server).
     */
    @WithDefault("https://i.scdn.co/")
    List<String> origins();

    /** {@code EARSHOT_IMAGE_TIMEOUT}: the whole fetch, connect to last byte; slower art gets the placeholder. */
    @WithDefault("2s")
    Duration timeout();

    /** {@code EARSHOT_IMAGE_MAX_BYTES}: larger images are abandoned mid-download and get the placeholder. */
    @WithDefault("524288")
    int maxBytes();
}
