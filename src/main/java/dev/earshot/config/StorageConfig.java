package dev.earshot.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/** Where Earshot keeps what must survive a restart: {@code EARSHOT_DATA_DIR} ({@code /data} in the container). */
@ConfigMapping(prefix = "earshot")
public interface StorageConfig {

    /** {@code EARSHOT_DATA_DIR}: the owner's sealed refresh token lives here; relative to the working directory. */
    @WithDefault("data")
    Path dataDir();
}
