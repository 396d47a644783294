package io.devshare.notification;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import io.devshare.testsupport.TcpRelay;
import io.devshare.testsupport.TestServers;

/**
 * A TCP relay ({@link TcpRelay}) on 127.0.0.1 in front of the shared test SMTP server (GreenMail, never stopped:
 * other engineers use it), through which notification-service sends mail. Cutting it closes every open connection and refuses new ones,
 * as an SMTP outage would; restoring it relays bytes both ways again. The state is a JVM system property, so the test
 * and this resource agree whatever class loader each was loaded by. The test configuration makes retries quick:
 * {@value #MAX_ATTEMPTS} attempts, from a 1 s backoff.
 */
public class SmtpOutageProxy implements QuarkusTestResourceLifecycleManager {

    static final String UP = "devshare.test.smtp-proxy.up";
    static final int MAX_ATTEMPTS = 5;

    private TcpRelay relay;

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
        TcpRelay started = new TcpRelay(host, port, () -> Boolean.getBoolean(UP), true);
        relay = started;
        Thread watcher = new Thread(
                () -> {
                    while (started.isOpen()) {
                        if (!Boolean.getBoolean(UP)) {
                            started.resetAll();
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
                String.valueOf(started.port()),
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

    @Override
    public void stop() {
        restore();
        if (relay != null) {
            relay.close();
            relay = null;
        }
    }
}
