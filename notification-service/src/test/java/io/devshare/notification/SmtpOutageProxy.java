package io.devshare.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import io.devshare.testsupport.TestServers;

/**
 * A TCP relay on 127.0.0.1 in front of the shared test SMTP server (GreenMail, never stopped: other engineers use
 * it), through which notification-service sends mail. Cutting it closes every open connection and refuses new ones,
 * as an SMTP outage would; restoring it relays bytes both ways again. The state is a JVM system property, so the test
 * and this resource agree whatever class loader each was loaded by. The test configuration makes retries quick:
 * {@value #MAX_ATTEMPTS} attempts, from a 1 s backoff.
 */
public class SmtpOutageProxy implements QuarkusTestResourceLifecycleManager {

    static final String UP = "devshare.test.smtp-proxy.up";
    static final int MAX_ATTEMPTS = 5;
    private static final Set<Socket> OPEN = ConcurrentHashMap.newKeySet();

    private ServerSocket server;

    /** Within 50 ms the watcher of the resource's own copy of this class closes every open connection. */
    static void cut() {
        System.setProperty(UP, "false");
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void restore() {
        System.setProperty(UP, "true");
    }

    @Override
    public Map<String, String> start() {
        String host = TestServers.get("DEVSHARE_SMTP_HOST");
        int port = Integer.parseInt(TestServers.get("DEVSHARE_SMTP_PORT"));
        restore();
        try {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Thread acceptor = new Thread(() -> accept(host, port), "smtp-outage-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
        Thread watcher = new Thread(
                () -> {
                    while (!server.isClosed()) {
                        if (!Boolean.getBoolean(UP)) {
                            OPEN.forEach(SmtpOutageProxy::reset);
                            OPEN.clear();
                        }
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "smtp-outage-proxy-watcher");
        watcher.setDaemon(true);
        watcher.start();
        return Map.of(
                "quarkus.mailer.host",
                "127.0.0.1",
                "quarkus.mailer.port",
                String.valueOf(server.getLocalPort()),
                // A cut is seen by the next send, not hidden by a pooled connection.
                "quarkus.mailer.keep-alive",
                "false",
                "devshare.mail.max-attempts",
                String.valueOf(MAX_ATTEMPTS),
                "devshare.mail.first-backoff",
                "1S",
                "devshare.mail.max-backoff",
                "8S",
                "devshare.mail.send-timeout",
                "5S");
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
                reset(client);
                continue;
            }
            try {
                Socket upstream = new Socket(host, port);
                OPEN.add(client);
                OPEN.add(upstream);
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
                        OPEN.remove(from);
                        OPEN.remove(to);
                    }
                },
                "smtp-outage-proxy-pipe");
        t.setDaemon(true);
        t.start();
    }

    /** Closes with a TCP reset, as a server that is gone would. */
    private static void reset(Socket s) {
        try {
            s.setSoLinger(true, 0);
        } catch (IOException e) {
            // closing anyway
        }
        close(s);
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
        restore();
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }
}
