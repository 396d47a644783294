package io.devshare.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where the real servers of the test run listen. {@code deploy/local/servers.sh start} (profile {@code test})
 * writes them to {@code .local/test/servers.env}; the build passes that path as the system property
 * {@code devshare.servers.env}.
 */
public final class TestServers {

    private static volatile Map<String, String> values;

    private TestServers() {}

    public static String get(String key) {
        String v = all().get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException(key + " is missing from " + envFile());
        }
        return v;
    }

    public static String keycloakUrl() {
        return get("DEVSHARE_KEYCLOAK_URL");
    }

    public static String realmUrl() {
        return keycloakUrl() + "/realms/devshare";
    }

    public static String kafkaBootstrap() {
        return get("DEVSHARE_KAFKA_BOOTSTRAP");
    }

    public static String mailApiUrl() {
        return get("DEVSHARE_MAIL_API_URL");
    }

    /**
     * The configuration that points a service at these servers, by Quarkus property name: its own PostgreSQL
     * database ({@code database}, also the role name and password of the local servers; none when null), Kafka,
     * Keycloak and SMTP. A Quarkus test takes it as is ({@link RealServersResource}); a packaged service started as a
     * process takes it as environment variables ({@link #asEnvironment}).
     */
    public static Map<String, String> serviceConfig(String database) {
        Map<String, String> config = new LinkedHashMap<>();
        if (database != null) {
            String hostPort = get("DEVSHARE_PG_HOST") + ":" + get("DEVSHARE_PG_PORT");
            config.put("quarkus.datasource.reactive.url", "postgresql://" + hostPort + "/" + database);
            config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + hostPort + "/" + database);
            config.put("quarkus.datasource.username", database);
            config.put("quarkus.datasource.password", database);
        }
        config.put("kafka.bootstrap.servers", kafkaBootstrap());
        config.put("quarkus.oidc.auth-server-url", realmUrl());
        config.put("devshare.keycloak.url", keycloakUrl());
        config.put("quarkus.mailer.host", get("DEVSHARE_SMTP_HOST"));
        config.put("quarkus.mailer.port", get("DEVSHARE_SMTP_PORT"));
        return config;
    }

    /** Property names as environment variables ({@code quarkus.mailer.host} → {@code QUARKUS_MAILER_HOST}). */
    public static Map<String, String> asEnvironment(Map<String, String> config) {
        Map<String, String> env = new LinkedHashMap<>();
        config.forEach((name, value) -> env.put(name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"), value));
        return env;
    }

    public static Map<String, String> all() {
        Map<String, String> v = values;
        if (v == null) {
            synchronized (TestServers.class) {
                if (values == null) {
                    values = load(envFile());
                }
                v = values;
            }
        }
        return v;
    }

    static Path envFile() {
        String configured = System.getProperty("devshare.servers.env");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return EventSamples.repoRoot().resolve(".local/test/servers.env");
    }

    static Map<String, String> load(Path file) {
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("The test servers are not running (" + file + " is missing). Run the"
                    + " tests with ./devshare test, or start the servers first: DEVSHARE_PROFILE=test"
                    + " deploy/local/servers.sh start");
        }
        Map<String, String> out = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#") || !l.contains("=")) {
                    continue;
                }
                int eq = l.indexOf('=');
                String key = l.substring(0, eq).replaceFirst("^export\\s+", "").strip();
                String value = l.substring(eq + 1).strip();
                if (value.length() >= 2
                        && (value.startsWith("\"") && value.endsWith("\"")
                                || value.startsWith("'") && value.endsWith("'"))) {
                    value = value.substring(1, value.length() - 1);
                }
                out.put(key, value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(out);
    }
}
