package io.devshare.device.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How device secrets are hashed (HMAC-SHA256 under a server key) and how failed attempts are throttled. */
@ConfigMapping(prefix = "devshare.device-credentials")
public interface CredentialsConfig {

    /**
     * The server key of the HMAC-SHA256 under which secrets are stored (at least 32 characters; a secret: give it
     * through {@code DEVSHARE_DEVICE_CREDENTIALS_HASH_KEY}). Changing it invalidates every stored credential.
     */
    String hashKey();

    /** The window in which failed attempts are counted (per replica, in memory). */
    @WithDefault("PT1M")
    Duration failureWindow();

    /**
     * Wrong credentials for one device id per window; beyond, further wrong ones for it are answered 429 (a right
     * one still passes, so nobody can lock a device out).
     */
    @WithDefault("10")
    int maxFailuresPerDevice();

    /** Wrong credentials from one client address (an IPv6 /64) per window; beyond, all its requests are 429. */
    @WithDefault("50")
    int maxFailuresPerAddress();

    /** Device ids and addresses tracked per replica (least recently used forgotten first). */
    @WithDefault("50000")
    int throttleTrackedKeys();
}
