package io.devshare.project.config;

import java.nio.file.Path;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where published design files are stored and how large one may be. */
@ConfigMapping(prefix = "devshare.designs")
public interface DesignsConfig {

    /** Storage directory; files live under {@code <dir>/<projectId>/<designId>}, uploads in progress in {@code .incoming/}. */
    @WithDefault(".local/designs")
    Path dir();

    /** Largest accepted design file; a larger upload is refused with 413 and nothing is kept. */
    @WithDefault("50M")
    MemorySize maxSize();
}
