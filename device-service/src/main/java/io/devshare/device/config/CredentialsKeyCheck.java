package io.devshare.device.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/** Warns at start when a packaged service stores device credentials under the built-in development key. */
@ApplicationScoped
public class CredentialsKeyCheck {

    /** The key of application.properties, for dev and tests only. */
    static final String DEVELOPMENT_KEY = "devshare-local-device-credentials-key-not-secret";

    private static final Logger LOG = Logger.getLogger(CredentialsKeyCheck.class);

    void onStart(@Observes StartupEvent event, CredentialsConfig config) {
        if (LaunchMode.current() == LaunchMode.NORMAL && DEVELOPMENT_KEY.equals(config.hashKey())) {
            LOG.warn("devshare.device-credentials.hash-key is the built-in development key: set"
                    + " DEVSHARE_DEVICE_CREDENTIALS_HASH_KEY to a secret of your own (at least 32 characters) before"
                    + " any device is registered; changing it later invalidates every device's credentials");
        }
    }
}
