package io.devshare.device.config;

import java.nio.file.Path;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where uploaded field-data files are stored and how large one may be. */
@ConfigMapping(prefix = "devshare.field-data")
public interface FieldDataConfig {

    /** Storage directory; files live under {@code <dir>/<deviceId>/<fileId>}, uploads in progress in {@code .incoming/}. */
    @WithDefault(".local/field-data")
    Path dir();

    /** Largest accepted file; a larger upload is refused with 413 and nothing is kept. */
    @WithDefault("50M")
    MemorySize maxSize();
}
