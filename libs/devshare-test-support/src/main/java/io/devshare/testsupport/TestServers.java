package io.devshare.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
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
