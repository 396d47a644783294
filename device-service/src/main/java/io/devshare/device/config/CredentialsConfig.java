package io.devshare.device.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How device secrets are hashed (PBKDF2WithHmacSHA256) and how many verified ones are remembered. */
@ConfigMapping(prefix = "devshare.device-credentials")
public interface CredentialsConfig {

    /** PBKDF2 iterations for new hashes (at least 210000; stored hashes carry their own count). */
    @WithDefault("210000")
    int iterations();

    /** Verified secrets remembered in memory (by SHA-256, per device and stored hash), so reports skip PBKDF2. */
    @WithDefault("10000")
    int verifiedCacheSize();
}
