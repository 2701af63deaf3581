package dev.earshot.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the data-export import (S28): {@code EARSHOT_IMPORT_*}. */
@ConfigMapping(prefix = "earshot.import")
public interface ImportConfig {

    /**
     * {@code EARSHOT_IMPORT_MAX_TOTAL_SIZE}: everything uploaded in one request. Also the HTTP body limit of
     * the import path ({@code application.properties}); every other path keeps {@link UploadBodyLimit#OTHER_PATHS}.
     */
    @WithDefault("1g")
    MemorySize maxTotalSize();

    /** {@code EARSHOT_IMPORT_MAX_FILE_SIZE}: one JSON file, uploaded or unpacked from a zip (Spotify's are ≤ ~12 MB). */
    @WithDefault("64m")
    MemorySize maxFileSize();

    /** {@code EARSHOT_IMPORT_MAX_UNPACKED_SIZE}: everything unpacked from the zips of one request, counted as it unpacks. */
    @WithDefault("4g")
    MemorySize maxUnpackedSize();

    /** {@code EARSHOT_IMPORT_MAX_ZIP_ENTRIES}: a zip with more entries is refused (Spotify's have a few dozen). */
    @WithDefault("500")
    int maxZipEntries();

    /** {@code EARSHOT_IMPORT_MAX_COMPRESSION_RATIO}: an entry unpacking to more than this many times its packed size is a bomb. */
    @WithDefault("100")
    int maxCompressionRatio();
}
