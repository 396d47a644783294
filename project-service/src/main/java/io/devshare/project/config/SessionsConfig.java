package io.devshare.project.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Remote sessions: how long one stays open for the device to join and work. */
@ConfigMapping(prefix = "devshare.sessions")
public interface SessionsConfig {

    /** Time to live of a session from its opening; the expiry job closes it afterwards (reason EXPIRED). */
    @WithDefault("PT15M")
    Duration ttl();

    /** How often ended sessions are looked for (the scheduler reads it as {@code devshare.sessions.expiry-check}). */
    @WithDefault("10s")
    Duration expiryCheck();
}
