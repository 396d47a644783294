package io.devshare.helm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The container image runs the services with the JVM options that ./devshare up, the end-to-end tests and the
 * benchmarks use (deploy/jvm/service.options), except the heap's size, which the image's run-java.sh takes from the
 * container's memory limit.
 */
class JvmOptionsTest {

    /** deploy/, the parent of this module (deploy/helm), where the tests run. */
    private static final Path DEPLOY = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theImageSetsTheServicesJvmOptionsButTheHeapSize() throws IOException {
        List<String> options = new ArrayList<>();
        for (String line : Files.readAllLines(DEPLOY.resolve("jvm/service.options"))) {
            String option = line.replaceFirst("#.*", "").strip();
            if (!option.isEmpty()) {
                options.add(option);
            }
        }
        assertThat(options).contains("-XX:+UseSerialGC", "-XX:-TieredCompilation", "-Xmx96m");

        Map<String, String> env = dockerfileEnv(Files.readString(DEPLOY.resolve("helm/images/Dockerfile")));
        List<String> image = new ArrayList<>();
        image.addAll(Arrays.asList(env.getOrDefault("GC_CONTAINER_OPTIONS", "").split("\\s+")));
        image.addAll(Arrays.asList(env.getOrDefault("JAVA_OPTS_APPEND", "").split("\\s+")));
        List<String> expected = options.stream()
                .filter(o -> !o.startsWith("-Xms") && !o.startsWith("-Xmx"))
                .toList();
        assertThat(image).containsAll(expected).noneMatch(o -> o.startsWith("-Xmx") || o.startsWith("-Xms"));
        assertThat(env).containsEntry("MALLOC_ARENA_MAX", "2");
    }

    /** The Dockerfile's ENV settings, NAME="value" (a backslash continues an ENV instruction on the next line). */
    private static Map<String, String> dockerfileEnv(String dockerfile) {
        Map<String, String> env = new LinkedHashMap<>();
        String joined = dockerfile.replace("\\\n", " ");
        Pattern pair = Pattern.compile("([A-Z_]+)=(\"([^\"]*)\"|(\\S+))");
        for (String line : joined.split("\n")) {
            if (line.startsWith("ENV ")) {
                Matcher m = pair.matcher(line.substring(4));
                while (m.find()) {
                    env.put(m.group(1), m.group(3) != null ? m.group(3) : m.group(4));
                }
            }
        }
        return env;
    }
}
