package io.devshare.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.devshare.testsupport.EventSamples;
import io.devshare.testsupport.TestServers;

/**
 * The five packaged services and the console ({@code <module>/target/quarkus-app/quarkus-run.jar}, built earlier in the same
 * reactor run) started once per test JVM as plain processes on free ports, against the real servers of the run,
 * with the configuration an operator gives them (environment variables only). Stopped when the JVM exits.
 */
final class Suite {

    static final String PARTNER = "partner-service";
    static final String SHARING = "sharing-service";
    static final String DEVICE = "device-service";
    static final String PROJECT = "project-service";
    static final String NOTIFICATION = "notification-service";
    static final String CONSOLE = "console";
    private static final List<String> SERVICES = List.of(PARTNER, SHARING, DEVICE, PROJECT, NOTIFICATION, CONSOLE);
    private static final Map<String, String> DATABASE = Map.of(
            PARTNER, "partner", SHARING, "sharing", DEVICE, "device", PROJECT, "project", NOTIFICATION, "notification");

    /** Five services starting at once under a load of 20 took 190-210 s each (2026-12-07). */
    private static final Duration READY_PATIENCE = Duration.ofSeconds(360);

    private static Suite running;

    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final List<Process> processes = new ArrayList<>();
    /** The console's health and metrics are on a port of their own. */
    private int consoleManagementPort;

    static synchronized Suite get() {
        if (running == null) {
            Suite s = new Suite();
            Runtime.getRuntime().addShutdownHook(new Thread(s::stop));
            s.start();
            running = s;
        }
        return running;
    }

    String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    /** Where a service answers /q/health: its own port, or the console's management port. */
    String healthUrl(String service) {
        return service.equals(CONSOLE) ? "http://127.0.0.1:" + consoleManagementPort : url(service);
    }

    private void start() {
        Path repo = EventSamples.repoRoot();
        Path logs = repo.resolve("e2e-tests/target/e2e-logs");
        try {
            Files.createDirectories(logs);
            for (String svc : SERVICES) {
                ports.put(svc, freePort());
            }
            consoleManagementPort = freePort();
            for (String svc : SERVICES) {
                Path jar = repo.resolve(svc).resolve("target/quarkus-app/quarkus-run.jar");
                if (!Files.isRegularFile(jar)) {
                    throw new IllegalStateException(
                            jar + " is missing: package the services first (./devshare test runs the whole reactor)");
                }
                Path workDir = repo.resolve("e2e-tests/target/e2e-work").resolve(svc);
                Files.createDirectories(workDir);
                ProcessBuilder pb = new ProcessBuilder(
                                javaBin(),
                                // The services' own JVM options, as ./devshare up and the image run them.
                                "@" + repo.resolve("deploy/jvm/service.options"),
                                "-jar",
                                jar.toString())
                        .directory(workDir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(logs.resolve(svc + ".log").toFile());
                pb.environment().putAll(environment(svc));
                pb.environment().put("MALLOC_ARENA_MAX", "2");
                processes.add(pb.start());
            }
            for (String svc : SERVICES) {
                awaitReady(svc, logs.resolve(svc + ".log"));
            }
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    private Map<String, String> environment(String svc) {
        if (svc.equals(CONSOLE)) {
            return consoleEnvironment();
        }
        Map<String, String> env = TestServers.asEnvironment(TestServers.serviceConfig(DATABASE.get(svc)));
        env.put("QUARKUS_HTTP_PORT", Integer.toString(ports.get(svc)));
        env.put("DEVSHARE_SERVICES_CLIENT_SECRET", "devshare-services-local-secret");
        env.put("DEVSHARE_PROJECT_SERVICE_URL", url(PROJECT));
        // Mails link to the console of this run.
        env.put("DEVSHARE_CONSOLE_BASE_URL", url(CONSOLE));
        // Five JVMs start at once on a shared 2-core machine: Flyway's first connection may wait longer than the
        // pool's default 5 s for PostgreSQL to answer, which ended start-up.
        env.put("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "60S");
        // Each service keeps its consumer group of the module tests (same database), so it goes on from their
        // offsets rather than replaying the whole run's events.
        return env;
    }

    /** The console: Keycloak and the five services' addresses, nothing else (it holds no data). */
    private Map<String, String> consoleEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(ports.get(CONSOLE)));
        env.put("DEVSHARE_CONSOLE_MANAGEMENT_PORT", Integer.toString(consoleManagementPort));
        env.put("DEVSHARE_KEYCLOAK_URL", TestServers.keycloakUrl());
        env.put("DEVSHARE_PARTNER_SERVICE_URL", url(PARTNER));
        env.put("DEVSHARE_SHARING_SERVICE_URL", url(SHARING));
        env.put("DEVSHARE_DEVICE_SERVICE_URL", url(DEVICE));
        env.put("DEVSHARE_PROJECT_SERVICE_URL", url(PROJECT));
        env.put("DEVSHARE_NOTIFICATION_SERVICE_URL", url(NOTIFICATION));
        return env;
    }

    private void awaitReady(String svc, Path log) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + READY_PATIENCE.toNanos();
        Process p = processes.get(SERVICES.indexOf(svc));
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException(svc + " exited during start-up; see " + log);
            }
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(healthUrl(svc) + "/q/health/ready"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        throw new IllegalStateException(svc + " not ready after " + READY_PATIENCE.toSeconds() + " s; see " + log);
    }

    private void stop() {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
