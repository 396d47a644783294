package io.devshare.notification;

import java.net.URI;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import io.devshare.testsupport.TcpRelay;
import io.devshare.testsupport.TestServers;

/**
 * A TCP relay ({@link TcpRelay}) on 127.0.0.1 in front of the real test Keycloak, through which
 * notification-service reaches the admin API (tokens still come straight from Keycloak). While "down" it accepts each connection and closes it at
 * once, as an unreachable server would fail the call; once "up" it relays bytes both ways. The state and the
 * number of refused connections are JVM system properties, so the test and this resource agree whatever class
 * loader each of them was loaded by.
 */
public class KeycloakOutageProxy implements QuarkusTestResourceLifecycleManager {

    static final String UP = "devshare.test.keycloak-proxy.up";
    static final String REFUSED = "devshare.test.keycloak-proxy.refused";

    private TcpRelay relay;

    static void down() {
        System.setProperty(UP, "false");
    }

    static void up() {
        System.setProperty(UP, "true");
    }

    static int refused() {
        return Integer.parseInt(System.getProperty(REFUSED, "0"));
    }

    @Override
    public Map<String, String> start() {
        URI keycloak = URI.create(TestServers.keycloakUrl());
        down();
        System.setProperty(REFUSED, "0");
        relay = new TcpRelay(
                keycloak.getHost(),
                keycloak.getPort(),
                () -> {
                    if (Boolean.getBoolean(UP)) {
                        return true;
                    }
                    synchronized (KeycloakOutageProxy.class) {
                        System.setProperty(REFUSED, String.valueOf(refused() + 1));
                    }
                    return false;
                },
                false);
        return Map.of(
                "quarkus.rest-client.keycloak-admin.url",
                "http://127.0.0.1:" + relay.port() + "/admin/realms/devshare",
                // The outage is seen as a failed call at once; keep pooled connections from hiding it.
                "quarkus.rest-client.keycloak-admin.keep-alive-enabled",
                "false");
    }

    @Override
    public void stop() {
        if (relay != null) {
            relay.close();
        }
    }
}
