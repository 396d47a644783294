package io.devshare.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The sample CloudEvent of each event type, kept in the producer's test resources
 * ({@code <service>/src/test/resources/events/<type>.json}). The producer's tests check that what it really
 * publishes has the sample's shape; consumers' tests feed the sample to their own tolerant readers. So the two
 * copies of an event's shape cannot drift apart unnoticed.
 */
public final class EventSamples {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventSamples() {}

    public static ObjectNode load(String producer, String type) {
        Path file = repoRoot()
                .resolve(producer)
                .resolve("src/test/resources/events")
                .resolve(type + ".json");
        try {
            return (ObjectNode) JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every member path of a JSON document ({@code data.inviter.name}, {@code data.notifyEmails[]}). */
    public static Set<String> shape(JsonNode node) {
        Set<String> out = new TreeSet<>();
        collect(node, "", out);
        return out;
    }

    private static void collect(JsonNode node, String prefix, Set<String> out) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                out.add(path);
                collect(e.getValue(), path, out);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                collect(element, prefix + "[]", out);
            }
        }
    }

    public static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("not inside the Devshare repository");
        }
        return dir;
    }
}
