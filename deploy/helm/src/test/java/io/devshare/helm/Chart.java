package io.devshare.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;

/**
 * The chart under test (deploy/helm/devshare), rendered by the embedded Helm 3 of helm-java as {@code helm template}
 * would, and parsed into the fabric8 Kubernetes model.
 */
final class Chart {

    static final String RELEASE = "devshare";
    static final String NAMESPACE = "devshare-test";

    /** The five services (each with its database and Kafka): values key → service name, as in _helpers.tpl. */
    static final Map<String, String> SERVICES = new LinkedHashMap<>();

    /** Every component: the five services and the console (no data of its own), as in _helpers.tpl. */
    static final Map<String, String> COMPONENTS = new LinkedHashMap<>();

    static {
        SERVICES.put("partnerService", "partner-service");
        SERVICES.put("sharingService", "sharing-service");
        SERVICES.put("deviceService", "device-service");
        SERVICES.put("projectService", "project-service");
        SERVICES.put("notificationService", "notification-service");
        COMPONENTS.putAll(SERVICES);
        COMPONENTS.put("console", "console");
    }

    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Chart() {}

    /** The chart's folder (system property devshare.chart.dir, set by the module's pom). */
    static Path dir() {
        return Path.of(System.getProperty("devshare.chart.dir", "devshare")).toAbsolutePath();
    }

    /** The least an operator must give: the external servers and the names of the Secrets. */
    static Path minimalValues() {
        try {
            return Path.of(Chart.class.getResource("/minimal-values.yaml").toURI());
        } catch (Exception e) {
            throw new IllegalStateException("minimal-values.yaml is missing from the test resources", e);
        }
    }

    /** Renders with the minimal values plus {@code sets} (as {@code --set key=value}, in order). */
    static Manifests render(Object... sets) {
        return parse(template(minimalValues(), sets));
    }

    /** The rendered text, {@code values} first (null: the chart's defaults only), then {@code sets}. */
    static String template(Path values, Object... sets) {
        if (sets.length % 2 != 0) {
            throw new IllegalArgumentException("sets are key, value pairs");
        }
        TemplateCommand command = new Helm(dir()).template().withName(RELEASE).withNamespace(NAMESPACE);
        if (values != null) {
            command = command.withValuesFile(values);
        }
        for (int i = 0; i < sets.length; i += 2) {
            command = command.set((String) sets[i], sets[i + 1]);
        }
        return command.call();
    }

    static Manifests parse(String rendered) {
        List<HasMetadata> resources = new ArrayList<>();
        for (String document : DOCUMENT_SEPARATOR.split(rendered)) {
            boolean onlyComments =
                    document.lines().allMatch(l -> l.isBlank() || l.trim().startsWith("#"));
            if (!onlyComments) {
                resources.add(SERIALIZATION.unmarshal(document, HasMetadata.class));
            }
        }
        return new Manifests(resources);
    }

    /** A copy of the chart in {@code target}/devshare whose values.yaml has {@code extra} merged over the chart's. */
    static Path copyWithValues(Path target, Path extra) {
        try {
            Path copy = target.resolve("devshare");
            if (Files.exists(copy)) {
                try (var walk = Files.walk(copy)) {
                    walk.sorted((a, b) -> b.getNameCount() - a.getNameCount())
                            .forEach(p -> p.toFile().delete());
                }
            }
            try (var walk = Files.walk(dir())) {
                for (Path source : (Iterable<Path>) walk::iterator) {
                    Path destination = copy.resolve(dir().relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(destination);
                    } else {
                        Files.copy(source, destination);
                    }
                }
            }
            Files.writeString(copy.resolve("values.yaml"), Values.mergedYaml(dir().resolve("values.yaml"), extra));
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
