package io.devshare.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import io.devshare.testsupport.TestServers;

/**
 * A TCP relay on 127.0.0.1 in front of the real test Keycloak, through which notification-service reaches the
 * admin API (tokens still come straight from Keycloak). While "down" it accepts each connection and closes it at
 * once, as an unreachable server would fail the call; once "up" it relays bytes both ways. The state and the
 * number of refused connections are JVM system properties, so the test and this resource agree whatever class
 * loader each of them was loaded by.
 */
public class KeycloakOutageProxy implements QuarkusTestResourceLifecycleManager {

    static final String UP = "devshare.test.keycloak-proxy.up";
    static final String REFUSED = "devshare.test.keycloak-proxy.refused";

    private ServerSocket server;
    private Thread acceptor;

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
        try {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        acceptor = new Thread(() -> accept(keycloak.getHost(), keycloak.getPort()), "keycloak-outage-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
        return Map.of(
                "quarkus.rest-client.keycloak-admin.url",
                "http://127.0.0.1:" + server.getLocalPort() + "/admin/realms/devshare",
                // The outage is seen as a failed call at once; keep pooled connections from hiding it.
                "quarkus.rest-client.keycloak-admin.keep-alive-enabled",
                "false");
    }

    private void accept(String host, int port) {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            if (!Boolean.getBoolean(UP)) {
                synchronized (KeycloakOutageProxy.class) {
                    System.setProperty(REFUSED, String.valueOf(refused() + 1));
                }
                close(client);
                continue;
            }
            try {
                Socket upstream = new Socket(host, port);
                pipe(client, upstream);
                pipe(upstream, client);
            } catch (IOException e) {
                close(client);
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        Thread t = new Thread(
                () -> {
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        in.transferTo(out);
                    } catch (IOException e) {
                        // the other side closed
                    } finally {
                        close(from);
                        close(to);
                    }
                },
                "keycloak-outage-proxy-pipe");
        t.setDaemon(true);
        t.start();
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }
}
