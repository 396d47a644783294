package io.devshare.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The chart's values files read as trees: merging (as Helm merges -f files) and listing every leaf. */
final class Values {

    static final YAMLMapper YAML = new YAMLMapper();

    private Values() {}

    static JsonNode read(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code base} with {@code extra} merged over it: maps deeply, anything else replaced. */
    static String mergedYaml(Path base, Path extra) {
        ObjectNode merged = (ObjectNode) read(base).deepCopy();
        merge(merged, (ObjectNode) read(extra));
        try {
            return YAML.writeValueAsString(merged);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void merge(ObjectNode into, ObjectNode from) {
        from.properties().forEach(e -> {
            JsonNode existing = into.get(e.getKey());
            if (existing instanceof ObjectNode target && e.getValue() instanceof ObjectNode source) {
                merge(target, source);
            } else {
                into.set(e.getKey(), e.getValue());
            }
        });
    }

    /**
     * Every leaf of a values tree by dotted path: scalars, lists and empty maps (a non-empty map is descended into).
     */
    static Map<String, JsonNode> leaves(JsonNode root) {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        collect("", root, leaves);
        return leaves;
    }

    private static void collect(String path, JsonNode node, Map<String, JsonNode> leaves) {
        if (node.isObject() && !node.isEmpty()) {
            node.properties()
                    .forEach(e -> collect(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), leaves));
        } else {
            leaves.put(path, node);
        }
    }

    /** The node at a dotted path, or null. */
    static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node;
    }
}
